/**
 * Reporting periods: six-monthly, yearly, quarterly, monthly and ad hoc, with two cut-off
 * conventions for when a period's figures start and stop:
 * - calendar: months, quarters, halves and years as on the calendar;
 * - decree09: Decree 09/2019/NĐ-CP, art. 12 — figures are cut on the 14th, so a month runs from
 *   the 15th of the month before to the 14th, a quarter from the 15th of the month before it to
 *   the 14th of its last month, the first half from 15 Dec of the year before to 14 Jun, the
 *   second half 15 Jun – 14 Dec, and a year 15 Dec of the year before – 14 Dec.
 *
 * Keys name a period independently of the convention: `2021-05` (month), `2021-Q3`, `2021-H1`,
 * `2021` (year), and `2021-03-01..2021-04-15` (ad hoc, explicit dates). Dates are 'YYYY-MM-DD',
 * both ends inclusive. A deadline is an offset in days from the period's last day.
 */
import { addDays, isIsoDate, type IsoDate } from './dates';

export type PeriodType = 'month' | 'quarter' | 'half' | 'year' | 'adhoc';
export const PERIOD_TYPES: readonly PeriodType[] = ['half', 'year', 'quarter', 'month', 'adhoc'];

export type CutoffConvention = 'calendar' | 'decree09';
export const CUTOFF_CONVENTIONS: readonly CutoffConvention[] = ['calendar', 'decree09'];

export interface ParsedPeriod {
  key: string;
  type: PeriodType;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 0 for years and ad hoc periods. */
  index: number;
  /** Ad hoc periods carry their own dates. */
  adhoc?: { start: IsoDate; end: IsoDate };
}

export interface PeriodRange {
  start: IsoDate;
  end: IsoDate;
}

const YEAR = /^(\d{4})$/;
const HALF = /^(\d{4})-H([12])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ADHOC = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Last day of a month (month 1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validYear(year: number): boolean {
  return year >= 1900 && year <= 2999;
}

/** The period a key names, or null when the key is not a period key. */
export function parsePeriodKey(key: string): ParsedPeriod | null {
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(key))) return validYear(+m[1]) ? { key, type: 'year', year: +m[1], index: 0 } : null;
  if ((m = HALF.exec(key))) return validYear(+m[1]) ? { key, type: 'half', year: +m[1], index: +m[2] } : null;
  if ((m = QUARTER.exec(key))) return validYear(+m[1]) ? { key, type: 'quarter', year: +m[1], index: +m[2] } : null;
  if ((m = MONTH.exec(key))) return validYear(+m[1]) ? { key, type: 'month', year: +m[1], index: +m[2] } : null;
  if ((m = ADHOC.exec(key))) {
    const [start, end] = [m[1], m[2]];
    if (!isIsoDate(start) || !isIsoDate(end) || start > end || !validYear(+start.slice(0, 4)) || !validYear(+end.slice(0, 4))) return null;
    return { key, type: 'adhoc', year: +end.slice(0, 4), index: 0, adhoc: { start, end } };
  }
  return null;
}

export function isPeriodKey(key: string, type?: PeriodType): boolean {
  const parsed = parsePeriodKey(key);
  return parsed !== null && (type === undefined || parsed.type === type);
}

function mustParse(key: string): ParsedPeriod {
  const parsed = parsePeriodKey(key);
  if (!parsed) throw new RangeError(`not a period key: "${key}"`);
  return parsed;
}

/** The key of a regular period (not ad hoc). */
export function periodKey(type: Exclude<PeriodType, 'adhoc'>, year: number, index = 0): string {
  switch (type) {
    case 'year': return pad(year, 4);
    case 'half': return `${pad(year, 4)}-H${index}`;
    case 'quarter': return `${pad(year, 4)}-Q${index}`;
    case 'month': return `${pad(year, 4)}-${pad(index)}`;
  }
}

export function adhocKey(start: IsoDate, end: IsoDate): string {
  return `${start}..${end}`;
}

/** First and last month (1–12) a regular period covers on the calendar. */
function monthSpan(p: ParsedPeriod): [number, number] {
  switch (p.type) {
    case 'month': return [p.index, p.index];
    case 'quarter': return [p.index * 3 - 2, p.index * 3];
    case 'half': return [p.index * 6 - 5, p.index * 6];
    default: return [1, 12];
  }
}

/** First and last day of a period under a cut-off convention (both inclusive). */
export function periodRange(key: string, convention: CutoffConvention): PeriodRange {
  const p = mustParse(key);
  if (p.adhoc) return { ...p.adhoc };
  const [first, last] = monthSpan(p);
  if (convention === 'calendar') {
    return { start: ymd(p.year, first, 1), end: ymd(p.year, last, lastDay(p.year, last)) };
  }
  // Decree 09: from the 15th of the month before the first month to the 14th of the last month.
  const startYear = first === 1 ? p.year - 1 : p.year;
  const startMonth = first === 1 ? 12 : first - 1;
  return { start: ymd(startYear, startMonth, 15), end: ymd(p.year, last, 14) };
}

/** The deadline: `offsetDays` after the period's last day (0 = the last day itself). */
export function dueDate(key: string, convention: CutoffConvention, offsetDays: number): IsoDate {
  return addDays(periodRange(key, convention).end, offsetDays);
}

/** The regular period of a type that contains a day. */
export function periodContaining(type: Exclude<PeriodType, 'adhoc'>, date: IsoDate, convention: CutoffConvention): string {
  if (!isIsoDate(date)) throw new RangeError(`not a date: "${date}"`);
  let year = +date.slice(0, 4);
  let month = +date.slice(5, 7);
  const day = +date.slice(8, 10);
  if (convention === 'decree09' && day >= 15) {
    // From the 15th on, a day belongs to the next month's figures.
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  switch (type) {
    case 'month': return periodKey('month', year, month);
    case 'quarter': return periodKey('quarter', year, Math.ceil(month / 3));
    case 'half': return periodKey('half', year, month <= 6 ? 1 : 2);
    case 'year': return periodKey('year', year);
  }
}

const PER_YEAR: Record<Exclude<PeriodType, 'adhoc'>, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** Consecutive number of a regular period, for arithmetic (year × count + index). */
function ordinal(p: ParsedPeriod): number {
  if (p.type === 'adhoc') throw new RangeError('ad hoc periods have no neighbours');
  return p.year * PER_YEAR[p.type] + Math.max(p.index, 1) - 1;
}

function fromOrdinal(type: Exclude<PeriodType, 'adhoc'>, n: number): string {
  const per = PER_YEAR[type];
  const year = Math.floor(n / per);
  return periodKey(type, year, type === 'year' ? 0 : (n % per) + 1);
}

/** The period `steps` after (or before, when negative) a regular period, of the same type. */
export function shiftPeriod(key: string, steps: number): string {
  const p = mustParse(key);
  if (p.type === 'adhoc') throw new RangeError('ad hoc periods have no neighbours');
  return fromOrdinal(p.type, ordinal(p) + steps);
}

/** The `count` periods before a regular period, nearest first; empty for ad hoc periods. */
export function previousPeriods(key: string, count: number): string[] {
  const p = mustParse(key);
  if (p.type === 'adhoc') return [];
  return Array.from({ length: count }, (_, i) => shiftPeriod(key, -(i + 1)));
}

/** Every regular period of one type from `from` to `to`, inclusive (at most `limit`). */
export function periodsBetween(from: string, to: string, limit = 1000): string[] {
  const a = mustParse(from);
  const b = mustParse(to);
  if (a.type !== b.type || a.type === 'adhoc') throw new RangeError('both ends must be regular periods of one type');
  const out: string[] = [];
  for (let n = ordinal(a); n <= ordinal(b) && out.length < limit; n += 1) out.push(fromOrdinal(a.type as Exclude<PeriodType, 'adhoc'>, n));
  return out;
}

/** Orders keys of one type in time (ad hoc by their dates). */
export function comparePeriodKeys(a: string, b: string): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  if (pa.adhoc && pb.adhoc) return pa.adhoc.start.localeCompare(pb.adhoc.start) || pa.adhoc.end.localeCompare(pb.adhoc.end);
  if (pa.type !== pb.type || pa.type === 'adhoc' || pb.type === 'adhoc') return a.localeCompare(b);
  return ordinal(pa) - ordinal(pb);
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dmy = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** How people name a period: "6 tháng đầu năm 2021", "Quý III/2021", "Tháng 5/2021", "Năm 2021". */
export function periodLabel(key: string, lang: 'vi' | 'en' = 'vi'): string {
  const p = mustParse(key);
  const vi = lang === 'vi';
  switch (p.type) {
    case 'year': return vi ? `Năm ${p.year}` : `Year ${p.year}`;
    case 'half': return vi ? `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}` : `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`;
    case 'quarter': return vi ? `Quý ${ROMAN[p.index]}/${p.year}` : `Q${p.index} ${p.year}`;
    case 'month': return vi ? `Tháng ${p.index}/${p.year}` : `${MONTHS_EN[p.index - 1]} ${p.year}`;
    case 'adhoc': return vi ? `Từ ${dmy(p.adhoc!.start)} đến ${dmy(p.adhoc!.end)}` : `${dmy(p.adhoc!.start)} – ${dmy(p.adhoc!.end)}`;
  }
}

export function periodTypeLabel(type: PeriodType, lang: 'vi' | 'en' = 'vi'): string {
  const labels: Record<PeriodType, [string, string]> = {
    half: ['6 tháng', 'Six-monthly'], year: ['Hằng năm', 'Yearly'], quarter: ['Hằng quý', 'Quarterly'],
    month: ['Hằng tháng', 'Monthly'], adhoc: ['Đột xuất', 'Ad hoc'],
  };
  return labels[type][lang === 'vi' ? 0 : 1];
}
