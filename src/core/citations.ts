/**
 * Finding the documents a text cites: "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị",
 * "27/CT-TTg", and the ones cited without a number — "Nghị quyết Trung ương 4 (khóa XII)",
 * "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội XVI Đảng bộ thành phố". Each document
 * comes out once; later mentions add what earlier ones left out (date, issuer, term, subject).
 *
 * What is deliberately not a citation: a kind word with nothing that identifies one document
 * ("các nghị quyết, chỉ thị của Đảng", "Nghị quyết đại hội đảng các cấp", "Kế hoạch này",
 * "thực hiện Chỉ thị của Bộ Chính trị" — a reference back, not a new document), and words
 * that are not documents at all (chuyên đề, Hội nghị).
 *
 * Positions are UTF-16 offsets into the NFC-normalized text.
 */
import { KIND_WORDS, documentKindInfo, type DocumentKind } from './document-kinds';
import { NUMBER_IN_TEXT, tryParseDocumentNumber, type DocumentNumber } from './document-number';
import {
  DATE_AFTER, ORDINAL, TERM_AFTER, dateFromMatch, foldKeepingPositions, foldedPattern, issuerEndAt, numberToRoman,
  ordinalValue, properNameAt, termFromFolded,
} from './citation-patterns';
import type { IsoDate } from './dates';
import type { Localized } from './errors';

export interface CitationMention {
  start: number;
  end: number;
  /** The words of the mention as written. */
  text: string;
}

export interface Citation {
  /** Identity within one extraction: the canonical number, or a key for an unnumbered document. */
  key: string;
  kind: DocumentKind;
  number: DocumentNumber | null;
  issuedOn: IsoDate | null;
  /** Issuing body as the text names it. */
  issuer: string | null;
  /** Term of the issuing body, Roman: "XII". */
  term: string | null;
  /** What it is about, when the text says ("về …"). */
  subject: string | null;
  /** A name for people and for a new registry entry: "Chỉ thị số 05-CT/TW", "Nghị quyết Trung ương 4 (khóa XII)". */
  label: string;
  mentions: CitationMention[];
  /** The sentence around the first mention. */
  excerpt: string;
  /** Disagreements between mentions (two dates for one number …). */
  notes: Localized[];
}

interface Found {
  key: string;
  kind: DocumentKind;
  number: DocumentNumber | null;
  issuedOn: IsoDate | null;
  issuer: string | null;
  term: string | null;
  subject: string | null;
  label: string;
  start: number;
  end: number;
  /** For unnumbered documents: a mention without a term may join one with a term. */
  looseKey?: string;
}

const KIND_BEFORE_NUMBER = new RegExp(
  `(${KIND_WORDS.map((k) => foldKeepingPositions(k.words)).join('|')})(?: (?:ket luan|lien tich))?(?: so)?\\s*:?\\s*$`.replace(/ /g, '\\s+'),
);
const KIND_BY_FOLDED = new Map(KIND_WORDS.map((k) => [foldKeepingPositions(k.words).replace(/\s+/g, ' '), k.kind]));

interface Text {
  original: string;
  folded: string;
}

/** Date, issuer, term and subject after a citation, in any order, each at most once. */
function readTail(t: Text, from: number) {
  let at = from;
  let issuedOn: IsoDate | null = null;
  let issuer: string | null = null;
  let term: string | null = null;
  let subject: string | null = null;
  const gap = /[\s,]*/y;
  for (;;) {
    gap.lastIndex = at;
    const skip = gap.exec(t.folded);
    const p = at + (skip?.[0].length ?? 0);
    DATE_AFTER.lastIndex = p;
    const date = issuedOn === null ? DATE_AFTER.exec(t.folded) : null;
    if (date) {
      issuedOn = dateFromMatch(date);
      at = p + date[0].length;
      continue;
    }
    const of = /cua\s+/y;
    of.lastIndex = p;
    const ofMatch: RegExpExecArray | null = issuer === null ? of.exec(t.folded) : null;
    if (ofMatch) {
      const start: number = p + ofMatch[0].length;
      const end = issuerEndAt(t.original, t.folded, start);
      if (end > start) {
        issuer = t.original.slice(start, end).replace(/\s+/g, ' ');
        at = end;
        continue;
      }
    }
    TERM_AFTER.lastIndex = p;
    const termMatch = term === null ? TERM_AFTER.exec(t.folded) : null;
    if (termMatch) {
      term = termFromFolded(termMatch[1]);
      at = p + termMatch[0].length;
      continue;
    }
    const about = subject === null ? readSubject(t, p) : null;
    if (about) {
      subject = about.subject;
      at = about.end;
    }
    break;
  }
  return { issuedOn, issuer, term, subject, end: at };
}

const QUOTED = /ve\s+(?:viec\s+)?["“”«]([^"“”»\n]{3,400})["“”»]/y;
const UNQUOTED = /ve\s+(?:viec\s+)?([^;.\n"“”«»]{3,300})/y;

function readSubject(t: Text, at: number): { subject: string; end: number } | null {
  QUOTED.lastIndex = at;
  const quoted = QUOTED.exec(t.folded);
  if (quoted) {
    const start = quoted.index + quoted[0].indexOf(quoted[1]);
    return { subject: t.original.slice(start, start + quoted[1].length).trim(), end: at + quoted[0].length };
  }
  UNQUOTED.lastIndex = at;
  const plain = UNQUOTED.exec(t.folded);
  if (!plain) return null;
  const start = plain.index + plain[0].indexOf(plain[1]);
  const subject = t.original.slice(start, start + plain[1].length).trim().replace(/[,\s]+$/, '');
  return subject.length >= 3 ? { subject, end: start + plain[1].length } : null;
}

/** Numbers in the text; a candidate that does not parse loses trailing pieces until it does. */
function findNumbers(t: Text): Found[] {
  const out: Found[] = [];
  for (const m of t.original.matchAll(NUMBER_IN_TEXT)) {
    let raw = m[0];
    let number = tryParseDocumentNumber(raw);
    while (!number && /[-\u2010-\u2015\u2212]\s*[\p{L}\p{N}]+$/u.test(raw)) {
      raw = raw.replace(/\s*[-\u2010-\u2015\u2212]\s*[\p{L}\p{N}]+$/u, '');
      number = tryParseDocumentNumber(raw);
    }
    if (!number) continue;
    const start = m.index;
    const numberEnd = start + raw.length;
    const before = KIND_BEFORE_NUMBER.exec(t.folded.slice(Math.max(0, start - 40), start));
    const anchorStart = before ? start - before[0].length : start;
    const anchorKind = before ? KIND_BY_FOLDED.get(before[1].replace(/\s+/g, ' ')) ?? null : null;
    const kind = number.kind ?? anchorKind ?? 'khac';
    const tail = readTail(t, numberEnd);
    out.push({
      key: `no:${number.text}`, kind, number, issuedOn: tail.issuedOn, issuer: tail.issuer, term: tail.term, subject: tail.subject,
      label: `${documentKindInfo(kind).vi} số ${number.text}`, start: anchorStart, end: tail.end,
    });
  }
  return out;
}

/** "Nghị quyết (Hội nghị) (lần thứ N) (Ban Chấp hành) Trung ương (Đảng) N (khóa XII)". */
const PLENUM = foldedPattern(
  // after "Trung ương" only digits: "Trung ương năm 2021" is not the fifth plenum
  `nghi quyet (?:hoi nghi )?(?:lan thu ${ORDINAL} )?(?:ban chap hanh )?trung uong(?: dang)?(?: (\\d{1,2})(?![a-z0-9]))?`,
);

/** National congress: "Nghị quyết Đại hội XIII của Đảng", "… Đại hội đại biểu toàn quốc lần thứ XIII của Đảng". */
const NATIONAL_CONGRESS = [
  foldedPattern(`nghi quyet dai hoi (?:dai bieu )?(?:toan quoc )?(?:lan thu )?${ORDINAL} (?:cua )?dang(?: cong san viet nam)?(?! bo)(?![a-z])`),
  foldedPattern(`nghi quyet dai hoi (?:dai bieu )?dang(?: cong san viet nam)? toan quoc (?:lan thu )?${ORDINAL}`),
];

const PLACE = '(thanh pho|tinh|quan|huyen|thi xa|xa|phuong|thi tran)';
/** Local congress: "Nghị quyết Đại hội XVI Đảng bộ thành phố", "… Đại hội đại biểu Đảng bộ thành phố lần thứ XVI". */
const LOCAL_CONGRESS_ORDINAL_FIRST = foldedPattern(`nghi quyet dai hoi (?:dai bieu )?(?:lan thu )?${ORDINAL} (?:cua )?dang bo ${PLACE}`);
const LOCAL_CONGRESS_PLACE_FIRST = foldedPattern(`nghi quyet dai hoi (?:dai bieu )?dang bo ${PLACE}`);
const ORDINAL_AFTER = foldedPattern(` (?:lan thu )?${ORDINAL}`);

function congressOrdinal(folded: string): string | null {
  const n = ordinalValue(folded);
  return n ? numberToRoman(n) : null;
}

function unnumbered(t: Text, at: number): Found | null {
  PLENUM.lastIndex = at;
  const plenum = PLENUM.exec(t.folded);
  if (plenum && (plenum[1] || plenum[2])) {
    const session = ordinalValue(plenum[1] ?? plenum[2]);
    if (!session) return null;
    const tail = readTail(t, at + plenum[0].length);
    const term = tail.term;
    return {
      key: `tw:${session}:${term ?? '?'}`, looseKey: `tw:${session}`, kind: 'nghi_quyet', number: null,
      issuedOn: tail.issuedOn, issuer: tail.issuer ?? 'Ban Chấp hành Trung ương Đảng', term, subject: tail.subject,
      label: `Nghị quyết Trung ương ${session}${term ? ` (khóa ${term})` : ''}`, start: at, end: tail.end,
    };
  }
  for (const pattern of NATIONAL_CONGRESS) {
    pattern.lastIndex = at;
    const m = pattern.exec(t.folded);
    const ordinal = m ? congressOrdinal(m[1]) : null;
    if (m && ordinal) {
      const tail = readTail(t, at + m[0].length);
      return {
        key: `dh:toan-quoc:${ordinal}`, kind: 'nghi_quyet', number: null, issuedOn: tail.issuedOn,
        issuer: `Đại hội đại biểu toàn quốc lần thứ ${ordinal} của Đảng`, term: ordinal, subject: tail.subject,
        label: `Nghị quyết Đại hội đại biểu toàn quốc lần thứ ${ordinal} của Đảng`, start: at, end: tail.end,
      };
    }
  }
  LOCAL_CONGRESS_ORDINAL_FIRST.lastIndex = at;
  const ordinalFirst = LOCAL_CONGRESS_ORDINAL_FIRST.exec(t.folded);
  if (ordinalFirst) {
    const placeEnd = at + ordinalFirst[0].length;
    const placeStart = placeEnd - ordinalFirst[2].length;
    const nameEnd = properNameAt(t.original, t.folded, placeEnd);
    return localCongress(t, at, congressOrdinal(ordinalFirst[1]), placeStart, nameEnd, nameEnd);
  }
  LOCAL_CONGRESS_PLACE_FIRST.lastIndex = at;
  const placeFirst = LOCAL_CONGRESS_PLACE_FIRST.exec(t.folded);
  if (!placeFirst) return null;
  const placeEnd = at + placeFirst[0].length;
  const placeStart = placeEnd - placeFirst[1].length;
  const nameEnd = properNameAt(t.original, t.folded, placeEnd);
  ORDINAL_AFTER.lastIndex = nameEnd;
  const ordinal = ORDINAL_AFTER.exec(t.folded);
  if (!ordinal) return null;
  return localCongress(t, at, congressOrdinal(ordinal[1]), placeStart, nameEnd, nameEnd + ordinal[0].length);
}

function localCongress(t: Text, at: number, ordinal: string | null, placeStart: number, placeEnd: number, tailFrom: number): Found | null {
  if (!ordinal) return null;
  const place = t.original.slice(placeStart, placeEnd).replace(/\s+/g, ' ');
  const body = `Đảng bộ ${place}`;
  const tail = readTail(t, tailFrom);
  return {
    key: `dh:${foldKeepingPositions(place).replace(/\s+/g, '-')}:${ordinal}`, kind: 'nghi_quyet', number: null,
    issuedOn: tail.issuedOn, issuer: `Đại hội đại biểu ${body} lần thứ ${ordinal}`, term: ordinal, subject: tail.subject,
    label: `Nghị quyết Đại hội đại biểu ${body} lần thứ ${ordinal}`, start: at, end: tail.end,
  };
}

function findUnnumbered(t: Text, taken: Array<[number, number]>): Found[] {
  const out: Found[] = [];
  for (const m of t.folded.matchAll(/nghi\s+quyet(?![a-z])/g)) {
    if (taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
    const found = unnumbered(t, m.index);
    if (found) out.push(found);
  }
  return out;
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1), text.lastIndexOf(';', start - 1)) + 1;
  const stops = ['.', '\n', ';'].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + 1 : text.length;
  const sentence = text.slice(from, to).trim().replace(/\s+/g, ' ');
  return sentence.length <= 400 ? sentence : `${sentence.slice(0, 397)}…`;
}

function addNote(c: Citation, field: string, a: string, b: string) {
  c.notes.push({ vi: `Các lần nhắc đến ghi ${field} khác nhau: ${a} / ${b}`, en: `Mentions disagree on the ${field}: ${a} / ${b}` });
}

function merge(into: Citation, f: Found, original: string) {
  into.mentions.push({ start: f.start, end: f.end, text: original.slice(f.start, f.end) });
  const fields: Array<['issuedOn' | 'issuer' | 'term' | 'subject', string]> = [['issuedOn', 'ngày'], ['issuer', 'cơ quan ban hành'], ['term', 'khóa'], ['subject', 'trích yếu']];
  for (const [field, name] of fields) {
    const value = f[field];
    if (value === null) continue;
    if (into[field] === null) into[field] = value;
    else if (field !== 'subject' && into[field] !== value) addNote(into, name, into[field]!, value);
  }
  if (into.term && into.key.endsWith(':?')) into.label = `${into.label} (khóa ${into.term})`;
}

/** Every document the text cites, once each, in order of first mention. */
export function extractCitations(input: string): Citation[] {
  const original = input.normalize('NFC');
  const t: Text = { original, folded: foldKeepingPositions(original) };
  const numbered = findNumbers(t);
  const found = [...numbered, ...findUnnumbered(t, numbered.map((f) => [f.start, f.end]))].sort((a, b) => a.start - b.start);
  const byKey = new Map<string, Citation>();
  const out: Citation[] = [];
  for (const f of found) {
    // An unnumbered mention with no term joins the one document of that session, and vice versa.
    const existing = byKey.get(f.key)
      ?? (f.looseKey ? out.find((c) => c.key.startsWith(`${f.looseKey}:`) && (c.term === null || f.term === null)) : undefined);
    if (existing) {
      merge(existing, f, original);
      continue;
    }
    const citation: Citation = {
      key: f.key, kind: f.kind, number: f.number, issuedOn: f.issuedOn, issuer: f.issuer, term: f.term, subject: f.subject,
      label: f.label, mentions: [{ start: f.start, end: f.end, text: original.slice(f.start, f.end) }],
      excerpt: sentenceAround(original, f.start, f.end), notes: [],
    };
    byKey.set(f.key, citation);
    out.push(citation);
  }
  return out;
}
