/** Timing helpers: wall-clock samples in milliseconds and their percentiles. */
import { performance } from 'node:perf_hooks';

export async function timeOnce(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Run `work(i)` `count` times after `warmup` untimed runs; one sample per run. */
export async function samples(count: number, work: (i: number) => Promise<unknown> | unknown, warmup = Math.min(50, count)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await timeOnce(() => work(i)));
  return out;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 0.01) return `${(value * 1000).toFixed(2)} µs`;
  if (value < 0.1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** "p50 0.05 ms / p95 0.09 ms" */
export function p50p95(values: number[]): string {
  return `p50 ${ms(percentile(values, 50))} / p95 ${ms(percentile(values, 95))}`;
}

/** A seeded pseudo-random generator (mulberry32), so every run builds and probes the same tree. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
