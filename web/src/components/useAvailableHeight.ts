import { useEffect, useState, type RefObject } from 'react';

/**
 * The height left below an element down to the bottom of the window (for virtual lists, which
 * need a height in pixels). Recomputed when the window resizes.
 */
export function useAvailableHeight(ref: RefObject<HTMLElement | null>, options: { min: number; bottom: number; max?: number }): number {
  const { min, bottom, max } = options;
  const [height, setHeight] = useState(min);
  useEffect(() => {
    const measure = () => {
      const top = ref.current ? ref.current.getBoundingClientRect().top + window.scrollY : 0;
      const available = window.innerHeight - top - bottom;
      setHeight(Math.max(min, Math.min(max ?? Infinity, Math.floor(available))));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref, min, bottom, max]);
  return height;
}
