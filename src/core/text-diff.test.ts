import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffText, paragraphs } from './text-diff';

describe('text diff', () => {
  it('shows the changed words of a rewritten paragraph', () => {
    const parts = diffText('Tổ chức 12 buổi sinh hoạt.\nKết quả tốt.\n', 'Tổ chức 15 buổi sinh hoạt.\nKết quả tốt.\n');
    expect(parts).toEqual([
      { op: 'same', text: 'Tổ chức ' },
      { op: 'removed', text: '12' },
      { op: 'added', text: '15' },
      { op: 'same', text: ' buổi sinh hoạt.\nKết quả tốt.\n' },
    ]);
  });
  it('rebuilds both texts from the parts', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const parts = diffText(a, b);
      expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(a);
      expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(b);
    }));
  });
  it('splits paragraphs on line breaks', () => {
    expect(paragraphs(' Một.\n\nHai.\n')).toEqual(['Một.', 'Hai.']);
  });
});
