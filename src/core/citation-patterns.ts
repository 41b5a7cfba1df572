/**
 * The vocabulary the citation finder reads with: a folded copy of the text that keeps every
 * character's position, the issuing bodies texts name, dates, terms (khóa XII) and ordinals.
 * Patterns are written on folded text (lower case, no diacritics, đ→d) so typos such as
 * "Trung ưong" or "khoá" still match; what is shown to people is cut from the original.
 */
import { isIsoDate, type IsoDate } from './dates';

/**
 * Lower case, diacritics removed, đ→d, one character for one character, so an index in the
 * folded copy is the same index in the original (NFC) text.
 */
export function foldKeepingPositions(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === 'đ' || c === 'Đ') {
      out += 'd';
      continue;
    }
    const base = c.normalize('NFD')[0] ?? c;
    const lower = base.toLowerCase();
    out += lower.length === 1 ? lower : c;
  }
  return out;
}

/** A sticky regex from a folded pattern where each literal space stands for any run of whitespace. */
export function foldedPattern(source: string, flags = 'y'): RegExp {
  return new RegExp(source.replace(/ /g, '\\s+'), flags);
}

const ROMAN = /^[ivxlc]+$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

export function romanToNumber(roman: string): number | null {
  const r = roman.toLowerCase();
  if (!ROMAN.test(r)) return null;
  let total = 0;
  for (let i = 0; i < r.length; i += 1) {
    const v = ROMAN_VALUES[r[i]];
    const next = ROMAN_VALUES[r[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

export function numberToRoman(n: number): string {
  const table: Array<[number, string]> = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
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

/** Ordinals as words, folded: "lần thứ tư" → 4. */
const ORDINAL_WORDS: Record<string, number> = {
  nhat: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
  'muoi mot': 11, 'muoi hai': 12, 'muoi ba': 13, 'muoi bon': 14, 'muoi lam': 15, 'muoi sau': 16,
};

/** Folded alternatives for an ordinal: digits, a Roman numeral, or a word ("tư", "mười hai"). */
export const ORDINAL = String.raw`(\d{1,3}|[ivxlc]{1,7}|muoi (?:mot|hai|ba|bon|lam|sau)|nhat|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)(?![a-z0-9])`;

/** The value of a folded ordinal written as digits, Roman numerals or words. */
export function ordinalValue(folded: string): number | null {
  const text = folded.replace(/\s+/g, ' ').trim();
  if (/^\d+$/.test(text)) return Number(text) || null;
  if (text in ORDINAL_WORDS) return ORDINAL_WORDS[text];
  return romanToNumber(text);
}

/** A date as texts write it after a citation: "ngày 15/5/2016", "ngày 8-9-2016", "ngày 15 tháng 5 năm 2016". */
export const DATE_AFTER = foldedPattern(String.raw`(?:ban hanh )?(?:vao )?ngay (\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)|(?:ban hanh )?(?:vao )?ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})(?!\d)`);

export function dateFromMatch(m: RegExpExecArray): IsoDate | null {
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** "khóa XII", "(khóa XII)", "khoá 12". */
export const TERM_AFTER = foldedPattern(String.raw`\(?\s*khoa ([ivxlc]{1,7}|\d{1,2})(?![a-z0-9])\s*\)?`);

export function termFromFolded(value: string): string | null {
  const n = ordinalValue(value);
  return n ? numberToRoman(n) : null;
}

const PLACE = '(?:thanh pho|tinh|quan|huyen|thi xa|xa|phuong|thi tran)';
const COMMITTEE = '(?:thanh uy|tinh uy|quan uy|huyen uy|thi uy|dang uy khoi (?:cac co quan|doanh nghiep)(?: (?:thanh pho|tinh))?|dang uy)';
const PARTY_ORGAN = '(?:ban thuong vu|ban chap hanh|thuong truc|ban tuyen giao va dan van|ban tuyen giao|ban to chuc|ban dan van|ban noi chinh|ban kinh te|uy ban kiem tra|van phong)';
const MINISTRY = '(?:giao duc va dao tao|noi vu|tai chinh|ke hoach va dau tu|van hoa, the thao va du lich|lao dong\\s*-\\s*thuong binh va xa hoi|y te|tu phap|cong an|quoc phong|ngoai giao|cong thuong|xay dung|giao thong van tai|tai nguyen va moi truong|nong nghiep va phat trien nong thon|thong tin va truyen thong|khoa hoc va cong nghe|ke hoach va dau tu)';

interface IssuerPattern {
  regex: RegExp;
  /** Whether a proper name may follow ("Quận ủy Lê Chân", "UBND thành phố Hải Phòng"). */
  named: boolean;
}

/** Issuing bodies, longest alternatives first so "Ban Thường vụ Thành ủy" wins over "Thành ủy". */
export const ISSUERS: readonly IssuerPattern[] = [
  { regex: foldedPattern('ban chap hanh trung uong(?: dang)?(?: cong san viet nam)?'), named: false },
  { regex: foldedPattern('van phong trung uong(?: dang)?'), named: false },
  { regex: foldedPattern('(?:ban tuyen giao va dan van|ban tuyen giao|ban to chuc|ban dan van|ban noi chinh|ban kinh te|ban doi ngoai|uy ban kiem tra) trung uong(?: dang)?'), named: false },
  { regex: foldedPattern('bo chinh tri'), named: false },
  { regex: foldedPattern('ban bi thu(?: trung uong(?: dang)?)?'), named: false },
  { regex: foldedPattern('thu tuong chinh phu'), named: false },
  { regex: foldedPattern('van phong chinh phu'), named: false },
  { regex: foldedPattern('chinh phu'), named: false },
  { regex: foldedPattern('uy ban thuong vu quoc hoi'), named: false },
  { regex: foldedPattern('quoc hoi'), named: false },
  { regex: foldedPattern('chu tich nuoc'), named: false },
  { regex: foldedPattern(`ban can su dang (?:uy ban nhan dan|ubnd) ${PLACE}`), named: true },
  { regex: foldedPattern(`ban chap hanh dang bo ${PLACE}`), named: true },
  { regex: foldedPattern(`${PARTY_ORGAN} ${COMMITTEE}`), named: true },
  { regex: foldedPattern(COMMITTEE), named: true },
  { regex: foldedPattern(`(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd) ${PLACE}`), named: true },
  { regex: foldedPattern(`(?:bo|so) ${MINISTRY}`), named: false },
  { regex: foldedPattern('trung uong dang'), named: false },
  { regex: foldedPattern('trung uong'), named: false },
];

/** Capitalized words that start a new phrase, never part of a body's proper name. */
const NAME_STOP = new Set(['ke', 'chi', 'nghi', 'quyet', 'huong', 'bao', 'thong', 'cong', 've', 'ngay', 'cua', 'khoa', 'ban', 'so', 'va', 'tai', 'tu', 'theo', 'thuc', 'trien', 'can', 'nham', 'dong', 'dang']);

/** A proper name after a body, in the original text: " Hải Phòng", " Lê Chân". */
export function properNameAt(original: string, folded: string, at: number): number {
  const word = /\s+(\p{Lu}[\p{Ll}\p{M}]*)(?![\p{L}\p{N}])/uy;
  let end = at;
  for (;;) {
    word.lastIndex = end;
    const m = word.exec(original);
    if (!m) return end;
    const start = m.index + m[0].length - m[1].length;
    const key = folded.slice(start, m.index + m[0].length);
    if (NAME_STOP.has(key)) return end;
    end = m.index + m[0].length;
  }
}

/** The end of an issuing body starting exactly at `at`, or -1. */
export function issuerEndAt(original: string, folded: string, at: number): number {
  for (const { regex, named } of ISSUERS) {
    regex.lastIndex = at;
    const m = regex.exec(folded);
    if (!m) continue;
    const end = m.index + m[0].length;
    // A body ends at a word boundary ("Thành ủy" is not the start of "Thành ủy viên").
    if (/[a-z0-9]/.test(folded[end] ?? '')) continue;
    return named ? properNameAt(original, folded, end) : end;
  }
  return -1;
}
