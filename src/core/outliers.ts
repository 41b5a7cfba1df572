/**
 * Figures that look wrong: a robust outlier test that one inflated report cannot hide behind.
 * The median and the median absolute deviation (MAD) ignore the extreme values themselves,
 * unlike the mean and standard deviation. The modified z-score (Iglewicz & Hoaglin) is
 * 0.6745 × (x − median) / MAD; above 3.5 in size a value is an outlier. When more than half
 * the values are equal (MAD = 0) the mean absolute deviation × 1.2533 stands in for it.
 * A flagged figure must also differ materially from the median (MATERIAL_RATIO).
 */
import { formatFigure } from './report-form';
import type { Localized } from './errors';

export const OUTLIER_THRESHOLD = 3.5;
/** Fewest peers needed for a comparison with peers to mean anything. */
export const MIN_PEERS = 5;
/** Fewest past periods for the robust test against a unit's own history. */
export const MIN_HISTORY = 4;
/**
 * Tightly clustered figures make the MAD tiny, and then a difference nobody would question gets a
 * large score: a figure is flagged only when it is also at least twice the median or at most half of it.
 */
export const MATERIAL_RATIO = 2;
/** With a short history, a jump of this factor against the median of past figures is flagged. */
export const JUMP_FACTOR = 3;

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mad(xs: readonly number[], center = median(xs)): number {
  return median(xs.map((x) => Math.abs(x - center)));
}

export interface OutlierTest {
  value: number;
  median: number;
  /** Modified z-score; Infinity when every reference value is equal and this one differs. */
  score: number;
  outlier: boolean;
}

/** Modified z-score of `value` against reference values (which should not include it). */
export function modifiedZ(value: number, reference: readonly number[]): OutlierTest {
  const m = median(reference);
  const d = mad(reference, m);
  let score: number;
  if (d > 0) score = (0.6745 * (value - m)) / d;
  else {
    const meanAd = reference.reduce((s, x) => s + Math.abs(x - m), 0) / reference.length;
    if (meanAd > 0) score = (value - m) / (1.253314 * meanAd);
    else score = value === m ? 0 : value > m ? Infinity : -Infinity;
  }
  const material = m === 0 ? value !== 0 : value / m >= MATERIAL_RATIO || value / m <= 1 / MATERIAL_RATIO;
  return { value, median: m, score, outlier: Math.abs(score) > OUTLIER_THRESHOLD && material };
}

export interface OutlierFinding {
  kind: 'peers' | 'history';
  score: number | null;
  median: number;
  reference: number;
  message: Localized;
}

const times = (a: number, b: number) => (b === 0 ? null : a / b);

function ratioWords(value: number, m: number): Localized {
  const r = times(value, m);
  if (r === null) return { vi: `trong khi trung vị là 0`, en: 'while the median is 0' };
  if (r >= 1) return { vi: `gấp ${formatFigure(r)} lần trung vị`, en: `${formatFigure(r, 'en')} times the median` };
  return { vi: `chỉ bằng ${formatFigure(r * 100)}% trung vị`, en: `only ${formatFigure(r * 100, 'en')}% of the median` };
}

function scoreWords(score: number): Localized {
  if (!Number.isFinite(score)) return { vi: 'mọi giá trị so sánh đều bằng nhau', en: 'every compared value is equal' };
  return {
    vi: `độ lệch chuẩn hóa ${formatFigure(Math.abs(score))}, ngưỡng ${formatFigure(OUTLIER_THRESHOLD)}`,
    en: `modified z-score ${formatFigure(Math.abs(score), 'en')}, threshold ${formatFigure(OUTLIER_THRESHOLD, 'en')}`,
  };
}

/**
 * Compare a figure with the same figure of peers (units of the same kind, same period).
 * `label` names the figure ("Số chi bộ tổ chức sinh hoạt chuyên đề", or "… trên mỗi chi bộ").
 */
export function peerOutlier(label: Localized, value: number, peers: readonly number[], peerKind: Localized): OutlierFinding | null {
  if (peers.length < MIN_PEERS) return null;
  const t = modifiedZ(value, peers);
  if (!t.outlier) return null;
  const ratio = ratioWords(value, t.median);
  const score = scoreWords(t.score);
  const direction = t.score > 0 ? { vi: 'cao bất thường', en: 'unusually high' } : { vi: 'thấp bất thường', en: 'unusually low' };
  return {
    kind: 'peers', score: Number.isFinite(t.score) ? t.score : null, median: t.median, reference: peers.length,
    message: {
      vi: `${label.vi} = ${formatFigure(value)} ${direction.vi} so với ${peers.length} ${peerKind.vi}: ${ratio.vi} (${formatFigure(t.median)}); ${score.vi}`,
      en: `${label.en} = ${formatFigure(value, 'en')} is ${direction.en} against ${peers.length} ${peerKind.en}: ${ratio.en} (${formatFigure(t.median, 'en')}); ${score.en}`,
    },
  };
}

/**
 * Compare a figure with the unit's own figures of past periods (nearest first). With a long
 * enough history the robust test applies; with a short one, a jump by a factor of 3 or more.
 */
export function historyOutlier(label: Localized, value: number, history: readonly number[]): OutlierFinding | null {
  if (history.length === 0) return null;
  const periods = { vi: `${history.length} kỳ trước`, en: `the ${history.length} previous period${history.length > 1 ? 's' : ''}` };
  if (history.length >= MIN_HISTORY) {
    const t = modifiedZ(value, history);
    if (!t.outlier) return null;
    const ratio = ratioWords(value, t.median);
    const score = scoreWords(t.score);
    return {
      kind: 'history', score: Number.isFinite(t.score) ? t.score : null, median: t.median, reference: history.length,
      message: {
        vi: `${label.vi} = ${formatFigure(value)} khác thường so với chính đơn vị trong ${periods.vi}: ${ratio.vi} (${formatFigure(t.median)}); ${score.vi}`,
        en: `${label.en} = ${formatFigure(value, 'en')} is unusual against the unit's own ${periods.en}: ${ratio.en} (${formatFigure(t.median, 'en')}); ${score.en}`,
      },
    };
  }
  const m = median(history);
  const jumpUp = m > 0 ? value >= JUMP_FACTOR * m : false;
  const jumpDown = m > 0 && value <= m / JUMP_FACTOR;
  if (!jumpUp && !jumpDown) return null;
  const ratio = ratioWords(value, m);
  return {
    kind: 'history', score: null, median: m, reference: history.length,
    message: {
      vi: `${label.vi} = ${formatFigure(value)} ${jumpUp ? 'tăng vọt' : 'giảm mạnh'} so với ${periods.vi} (${formatFigure(m)}): ${ratio.vi}`,
      en: `${label.en} = ${formatFigure(value, 'en')} ${jumpUp ? 'jumped' : 'dropped sharply'} against ${periods.en} (${formatFigure(m, 'en')}): ${ratio.en}`,
    },
  };
}
