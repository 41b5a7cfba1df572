/**
 * Document numbers ("số, ký hiệu") in both conventions:
 * - Party (Hướng dẫn 36-HD/VPTW): NUMBER-KIND/ISSUER — 05-CT/TW, 32-KH/TU, 49-KH/BTGTU, 100-KL/TW;
 * - State (Nghị định 30/2020/NĐ-CP): NUMBER[/YEAR]/KIND-ISSUER — 27/CT-TTg, 09/2019/NĐ-CP,
 *   1234/QĐ-UBND; an official letter has no kind: 123/UBND-VX; a law has none either: 25/2018/QH14.
 * Real texts space, dash and case them loosely ("100 - KL/TW", "09/2019/ND-CP", "27/ct–ttg");
 * parsing accepts those and prints one canonical form, which is what the registry keys on.
 */
import {
  canonicalKindCode, kindOfCode, looseCode, type DocumentKind, type Numbering,
} from './document-kinds';
import { invalidField, type Localized } from './errors';

export interface DocumentNumber {
  numbering: Numbering;
  /** The serial as printed, at least two digits: "05", "100", "1234". */
  number: string;
  /** The year segment of State legal documents (09/2019/NĐ-CP). */
  year: number | null;
  /** "CT", "QĐi", "NĐ" …; null for a State letter or law that carries none. */
  kindCode: string | null;
  /** "TW", "TU", "BTGTU", "TTg", "UBND-VX" … */
  issuerCode: string;
  /** The kind the code stands for, when it is a known code. */
  kind: DocumentKind | null;
  /** Canonical printed form. */
  text: string;
}

export type NumberPart = 'empty' | 'number' | 'separator' | 'kind' | 'issuer' | 'year' | 'extra';

export interface NumberProblem extends Localized {
  part: NumberPart;
}

export type ParseResult = { ok: true; value: DocumentNumber } | { ok: false; problem: NumberProblem };

/** Issuer codes whose canonical spelling cannot be had by upper-casing (mixed case, Đ, old spellings). */
const ISSUER_SPELLINGS: Record<string, string> = {
  TTG: 'TTg',
  'TƯ': 'TW',
  BGDDT: 'BGDĐT',
  HDND: 'HĐND',
  DU: 'ĐU',
  DUK: 'ĐUK',
  BLDTBXH: 'BLĐTBXH',
  LDTBXH: 'LĐTBXH',
  TLD: 'TLĐ',
  TLDLDVN: 'TLĐLĐVN',
  SGDDT: 'SGDĐT',
  BVHTTDL: 'BVHTTDL',
};

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SLASHES = /[\u2044\u2215\uFF0F]/g;
const CODE_CHARS = /^[A-Za-z0-9ĐđƯư]+$/;
const LETTERS = /^[A-Za-zĐđ]+$/;

/** Spaces and dashes as real texts type them → one plain form without spaces around separators. */
export function normalizeNumberText(input: string): string {
  return input.normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u3000\t]/g, ' ')
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .trim()
    .replace(/^(?:số|so|no\.?|number)\s*:?\s*/i, '')
    .replace(/[\s.,;:)]+$/, '')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(/\s+/g, ' ');
}

function problem(part: NumberPart, vi: string, en: string): ParseResult {
  return { ok: false, problem: { part, vi, en } };
}

const EXAMPLES_VI = 'ví dụ 05-CT/TW (văn bản Đảng) hoặc 27/CT-TTg, 09/2019/NĐ-CP (văn bản nhà nước)';
const EXAMPLES_EN = 'e.g. 05-CT/TW (Party) or 27/CT-TTg, 09/2019/NĐ-CP (State)';

/** "5" → "05", "0005" → "05", "1234" stays. */
function canonicalSerial(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  return trimmed.padStart(2, '0');
}

function canonicalIssuer(code: string): string {
  return code.split('-').map((piece) => {
    const upper = piece.normalize('NFC').toUpperCase();
    return ISSUER_SPELLINGS[upper] ?? ISSUER_SPELLINGS[looseCode(piece)] ?? upper;
  }).join('-');
}

/** A kind code as printed: the known spelling, else the letters upper-cased. */
function printedKindCode(code: string, numbering: Numbering): string {
  return canonicalKindCode(code, numbering) ?? code.toUpperCase();
}

export function formatDocumentNumber(n: Pick<DocumentNumber, 'numbering' | 'number' | 'year' | 'kindCode' | 'issuerCode'>): string {
  if (n.numbering === 'party') return `${n.number}-${n.kindCode ?? ''}/${n.issuerCode}`;
  return `${n.number}${n.year ? `/${n.year}` : ''}/${n.kindCode ? `${n.kindCode}-` : ''}${n.issuerCode}`;
}

function checkIssuer(issuer: string): ParseResult | null {
  if (issuer === '') return problem('issuer', `thiếu ký hiệu cơ quan ban hành (${EXAMPLES_VI})`, `the issuing body's code is missing (${EXAMPLES_EN})`);
  const bad = issuer.split('-').find((piece) => piece === '' || !CODE_CHARS.test(piece));
  if (bad !== undefined) {
    return problem('issuer', `ký hiệu cơ quan ban hành "${issuer}" chỉ được gồm chữ và số`, `the issuing body's code "${issuer}" may contain only letters and digits`);
  }
  return null;
}

function parseParty(serial: string, rest: string): ParseResult {
  const slash = rest.indexOf('/');
  if (slash < 0) {
    return problem('separator', `thiếu dấu "/" giữa ký hiệu loại văn bản và cơ quan ban hành (${EXAMPLES_VI})`,
      `missing "/" between the kind and the issuing body (${EXAMPLES_EN})`);
  }
  const kindRaw = rest.slice(0, slash);
  const issuerRaw = rest.slice(slash + 1);
  if (kindRaw === '') return problem('kind', `thiếu ký hiệu loại văn bản sau số (ví dụ CT trong 05-CT/TW)`, 'the kind code after the number is missing (e.g. CT in 05-CT/TW)');
  if (!LETTERS.test(kindRaw)) {
    return problem('kind', `ký hiệu loại văn bản "${kindRaw}" chỉ được gồm chữ cái (ví dụ CT, NQ, KH, QĐi)`, `the kind code "${kindRaw}" may contain only letters (e.g. CT, NQ, KH, QĐi)`);
  }
  if (issuerRaw.includes('/')) {
    return problem('extra', `số văn bản Đảng chỉ có một dấu "/" (${EXAMPLES_VI})`, `a Party number has a single "/" (${EXAMPLES_EN})`);
  }
  const issuerProblem = checkIssuer(issuerRaw);
  if (issuerProblem) return issuerProblem;
  const value = {
    numbering: 'party' as const, number: canonicalSerial(serial), year: null,
    kindCode: printedKindCode(kindRaw, 'party'), issuerCode: canonicalIssuer(issuerRaw),
    kind: kindOfCode(kindRaw, 'party'),
  };
  return { ok: true, value: { ...value, text: formatDocumentNumber(value) } };
}

function parseState(serial: string, rest: string): ParseResult {
  const segments = rest.split('/');
  let year: number | null = null;
  if (segments.length > 1 && /^\d+$/.test(segments[0])) {
    const y = segments.shift()!;
    if (!/^\d{4}$/.test(y) || Number(y) < 1945 || Number(y) > 2100) {
      return problem('year', `năm "${y}" trong số văn bản phải là năm có 4 chữ số từ 1945 (ví dụ 09/2019/NĐ-CP)`,
        `the year "${y}" in the number must be a four-digit year from 1945 (e.g. 09/2019/NĐ-CP)`);
    }
    year = Number(y);
  }
  if (segments.length > 1) {
    return problem('extra', `số văn bản nhà nước có dạng số/năm/ký hiệu; ở đây có quá nhiều dấu "/" (${EXAMPLES_VI})`,
      `a State number reads number/year/code; this one has too many "/" (${EXAMPLES_EN})`);
  }
  const code = segments[0];
  if (code === '' || /^\d+$/.test(code)) {
    return problem('kind', `thiếu ký hiệu loại văn bản và cơ quan ban hành sau dấu "/" (${EXAMPLES_VI})`,
      `the kind and issuing body codes after "/" are missing (${EXAMPLES_EN})`);
  }
  const pieces = code.split('-');
  const kind = kindOfCode(pieces[0], 'state');
  // "27/CT-TTg": the first piece is a kind; "123/UBND-VX" (a letter) and "25/2018/QH14" (a law) carry none.
  const kindCode = kind && pieces.length > 1 ? canonicalKindCode(pieces[0], 'state') : null;
  const issuerRaw = kindCode ? pieces.slice(1).join('-') : code;
  const issuerProblem = checkIssuer(issuerRaw);
  if (issuerProblem) return issuerProblem;
  const value = {
    numbering: 'state' as const, number: canonicalSerial(serial), year, kindCode,
    issuerCode: canonicalIssuer(issuerRaw),
    kind: kindCode ? kind : /^QH\d*$/i.test(issuerRaw) ? 'luat' as const : null,
  };
  return { ok: true, value: { ...value, text: formatDocumentNumber(value) } };
}

/** Parse a number in either convention; a failure says which part is wrong, in both languages. */
export function parseDocumentNumber(input: string): ParseResult {
  const text = normalizeNumberText(input ?? '');
  if (text === '') return problem('empty', `số văn bản trống (${EXAMPLES_VI})`, `the document number is empty (${EXAMPLES_EN})`);
  const lead = /^(\d+)(.*)$/.exec(text);
  if (!lead) {
    return problem('number', `số văn bản phải bắt đầu bằng số thứ tự (${EXAMPLES_VI}); nhận được "${text}"`,
      `a document number starts with its serial number (${EXAMPLES_EN}); got "${text}"`);
  }
  const [, serial, rest] = lead;
  if (/\s/.test(text)) {
    return problem('extra', `số văn bản "${text}" có khoảng trắng không đúng chỗ (${EXAMPLES_VI})`, `the document number "${text}" has stray spaces (${EXAMPLES_EN})`);
  }
  if (serial.length > 6 || Number(serial) === 0) {
    return problem('number', `số thứ tự "${serial}" không hợp lệ (từ 01 đến 999999)`, `the serial "${serial}" is invalid (01 to 999999)`);
  }
  if (rest === '') {
    return problem('separator', `sau số thứ tự còn thiếu ký hiệu (${EXAMPLES_VI})`, `the codes after the serial number are missing (${EXAMPLES_EN})`);
  }
  if (rest[0] === '-') return parseParty(serial, rest.slice(1));
  if (rest[0] === '/') return parseState(serial, rest.slice(1));
  return problem('separator', `sau số thứ tự phải là "-" (văn bản Đảng, 05-CT/TW) hoặc "/" (văn bản nhà nước, 27/CT-TTg); nhận được "${rest[0]}"`,
    `the serial must be followed by "-" (Party, 05-CT/TW) or "/" (State, 27/CT-TTg); got "${rest[0]}"`);
}

/** The parsed number or null (for finding numbers in running text). */
export function tryParseDocumentNumber(input: string): DocumentNumber | null {
  const result = parseDocumentNumber(input);
  return result.ok ? result.value : null;
}

/** The parsed number, or a 400 naming the field and what is wrong with it. */
export function requireDocumentNumber(input: string, field: string): DocumentNumber {
  const result = parseDocumentNumber(input);
  if (!result.ok) throw invalidField(field, result.problem.vi, result.problem.en);
  return result.value;
}

/** True when two texts denote the same number ("5 - ct/tw" and "05-CT/TW"). */
export function sameDocumentNumber(a: string, b: string): boolean {
  const x = tryParseDocumentNumber(a);
  const y = tryParseDocumentNumber(b);
  return x !== null && y !== null && x.text === y.text;
}

/**
 * Candidates for document numbers in running text, with loose spacing and dashes. Every match
 * still goes through parseDocumentNumber; this pattern only finds where to look.
 * Party: 05-CT/TW, 100 - KL/TW; State: 27/CT-TTg, 09/2019/NĐ-CP, 123/UBND-VX, 25/2018/QH14.
 */
const DASH_CLASS = String.raw`[\-\u2010-\u2015\u2212]`;
export const NUMBER_IN_TEXT = new RegExp(
  String.raw`(?<![\p{L}\p{N}/\-])\d{1,6}(?:` +
  // Party: 05-CT/TW, 100 - KL/TW
  String.raw`\s?${DASH_CLASS}\s?\p{L}{1,6}\s?\/\s?[\p{L}\p{N}]+(?:${DASH_CLASS}[\p{L}\p{N}]+)*` +
  // State: 27/CT-TTg, 09/2019/NĐ-CP, 123/UBND-VX, 25/2018/QH14
  // (spaces allowed only around the dash after the first code: "27/CT - TTg")
  String.raw`|(?:\s?\/\s?\d{4})?\s?\/\s?\p{L}[\p{L}\p{N}]*(?:\s?${DASH_CLASS}\s?[\p{L}\p{N}]+)?(?:${DASH_CLASS}[\p{L}\p{N}]+)*` +
  String.raw`)(?![\p{L}\p{N}])`,
  'gu',
);
