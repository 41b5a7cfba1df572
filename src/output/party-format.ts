/**
 * The Party document format of Hướng dẫn 36-HD/VPTW (thể thức văn bản của Đảng), as numbers:
 * page, margins, type sizes, and how sections are numbered. No DOCX here — the builder in
 * party-docx.ts turns these into a document — so the rules can be read and tested on their own.
 */
import { placeDateLine, type IsoDate } from '../core/dates';

/** A4 portrait, in millimetres. */
export const PAGE_MM = { width: 210, height: 297 } as const;

/**
 * Margins within the ranges the guidance allows (top/bottom 20–25 mm, left 30–35 mm,
 * right 15–20 mm); the smallest values leave the most room for tables by unit.
 */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const FONT = 'Times New Roman';

/** Type sizes in points. The body may be 13 or 14; everything else follows the guidance. */
export const SIZE = {
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" */
  partyName: 15,
  /** Superior and issuing body, number, place-date line. */
  header: 14,
  /** "KẾ HOẠCH", "BÁO CÁO" */
  kind: 15,
  /** The subject line under the kind. */
  subject: 14,
  /** Recipients ("Nơi nhận") items. */
  recipients: 12,
  /** Table text (indicator tables by unit can be wide). */
  table: 12,
  signature: 14,
} as const;

export type BodySize = 13 | 14;

/** "I", "II" … "XXXIX": first-level sections are numbered in Roman numerals. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no Roman numeral for ${n}`);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/**
 * Vietnamese letters used to number third-level items: a) b) c) d) đ) e) g) h) i) k) …
 * (the Vietnamese alphabet, which has đ and no f, j, w, z).
 */
const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/**
 * The printed label of the `index`-th (1-based) section at a nesting depth (0-based):
 * "I.", then "1.", then "a)", then a dash for anything deeper.
 */
export function sectionLabel(depth: number, index: number): string {
  if (depth === 0) return `${romanNumeral(index)}.`;
  if (depth === 1) return `${index}.`;
  if (depth === 2) {
    const letter = VI_LETTERS[(index - 1) % VI_LETTERS.length];
    const round = Math.floor((index - 1) / VI_LETTERS.length);
    return `${letter.repeat(round + 1)})`;
  }
  return '-';
}

/**
 * The place-date line; a document not signed yet leaves the day and month blank for the
 * office to fill in by hand ("Hải Phòng, ngày    tháng    năm 2021").
 */
export function placeDate(place: string, date: IsoDate | null, year?: number): string {
  if (date) return placeDateLine(place, date);
  return `${place}, ngày      tháng      năm ${year ?? ''}`.trimEnd();
}

/** "Số 32-KH/TU"; an unnumbered draft keeps a blank where the number will be written. */
export function numberLine(number: string | null, suffix?: string): string {
  if (number) return `Số ${number}`;
  return `Số        ${suffix ? `-${suffix.replace(/^-/, '')}` : ''}`.trimEnd();
}

/** Upper case as Vietnamese writes it (ủy → ỦY, đ → Đ). */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** Thousands separated by dots, decimal comma: 1234567.5 → "1.234.567,5". */
export function formatNumberVi(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}
