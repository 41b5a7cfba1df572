/**
 * Periodic reports in the Party format ("Số …-BC/…", place-date line, narrative by section,
 * indicator tables by unit, the completeness table, "Nơi nhận", signature), described as a
 * PartyDocument and printed by party-docx. Pure: the modules gather the figures and text.
 */
import { formatVnDate, todayVn } from '../core/dates';
import type { IsoDate } from '../core/dates';
import { paragraphs } from '../core/text-diff';
import { bullets, paragraph, section, table, type Block, type CellValue, type PartyDocument } from './party-document';
import { upperVi } from './party-format';

export interface ReportIndicatorColumn {
  code: string;
  name: string;
  unit: string | null;
}

export interface ReportDocxInput {
  superior: string | null;
  issuer: string;
  number: string | null;
  /** Used for an unnumbered draft: "BC/TU". */
  numberSuffix: string;
  place: string;
  date: IsoDate | null;
  draftYear: number;
  /** "kết quả thực hiện Chỉ thị 05-CT/TW 6 tháng đầu năm 2021". */
  subject: string;
  preamble: string;
  /** Narrative by section, in the form's order; each either written text or attributed excerpts. */
  sections: Array<{ title: string; text: string | null; excerpts: Array<{ unitName: string; text: string; highlighted: boolean }> }>;
  indicators: ReportIndicatorColumn[];
  /** Table of figures by unit (rows) and indicator (columns), with a totals row. */
  byUnit: { caption: string; rows: Array<{ name: string; values: Record<string, number | null> }>; totals: Record<string, number | null> | null } | null;
  /** Figures of one unit: own, subordinates, total (a unit's own report). */
  ownFigures?: { caption: string; rows: Array<{ name: string; unit: string | null; own: CellValue; aggregate: number | null; total: number | null }> } | null;
  completeness: { caption: string; summary: string; rows: Array<{ name: string; status: string; submitted: string | null; daysLate: number | null }> } | null;
  recipients: string[];
  signature: { authority?: string; position: string; signer?: string | null };
}

const MAX_INDICATOR_COLUMNS = 6;

function narrativeBlocks(s: ReportDocxInput['sections'][number]): Block[] {
  if (s.text && s.text.trim()) return paragraphs(s.text).map((p) => paragraph(p));
  if (s.excerpts.length === 0) return [paragraph('(Chưa có nội dung.)', { align: 'left' })];
  return [bullets(...s.excerpts.map((e) => [
    { text: `${e.unitName}: `, bold: true },
    { text: e.text.replace(/\n+/g, ' '), italic: e.highlighted },
  ]))];
}

function figure(value: number | null | undefined): CellValue {
  return value === null || value === undefined ? null : value;
}

/** Units × indicators, split into several tables when there are many indicators. */
function byUnitTables(input: ReportDocxInput): Block[] {
  const t = input.byUnit;
  if (!t || input.indicators.length === 0) return [];
  const out: Block[] = [];
  for (let i = 0; i < input.indicators.length; i += MAX_INDICATOR_COLUMNS) {
    const slice = input.indicators.slice(i, i + MAX_INDICATOR_COLUMNS);
    const part = input.indicators.length > MAX_INDICATOR_COLUMNS ? ` (phần ${i / MAX_INDICATOR_COLUMNS + 1})` : '';
    out.push(table(
      [{ title: 'TT', width: 0.6, align: 'center' }, { title: 'Đơn vị', width: 3.2 }, ...slice.map((ind) => ({ title: ind.unit ? `${ind.name} (${ind.unit})` : ind.name, width: 1.6, align: 'right' as const }))],
      t.rows.map((r, n) => [n + 1, r.name, ...slice.map((ind) => figure(r.values[ind.code]))]),
      { caption: `${t.caption}${part}`, ...(t.totals ? { totals: [null, 'Tổng cộng', ...slice.map((ind) => figure(t.totals![ind.code]))] } : {}) },
    ));
  }
  return out;
}

export function reportDocument(input: ReportDocxInput): PartyDocument {
  const body: Block[] = input.sections.map((s) => section(upperVi(s.title), ...narrativeBlocks(s)));
  const figures: Block[] = [];
  if (input.ownFigures) {
    figures.push(table(
      [{ title: 'TT', width: 0.6, align: 'center' }, { title: 'Chỉ tiêu', width: 4 }, { title: 'Đơn vị tính', width: 1.2 },
        { title: 'Của đơn vị', width: 1.3, align: 'right' }, { title: 'Cấp dưới', width: 1.3, align: 'right' }, { title: 'Tổng cộng', width: 1.3, align: 'right' }],
      input.ownFigures.rows.map((r, n) => [n + 1, r.name, r.unit, r.own, figure(r.aggregate), figure(r.total)]),
      { caption: input.ownFigures.caption },
    ));
  }
  figures.push(...byUnitTables(input));
  if (input.completeness) {
    figures.push(paragraph(input.completeness.summary));
    figures.push(table(
      [{ title: 'TT', width: 0.6, align: 'center' }, { title: 'Đơn vị', width: 4 }, { title: 'Tình trạng', width: 1.6 }, { title: 'Ngày gửi', width: 1.4, align: 'center' }, { title: 'Số ngày chậm', width: 1.2, align: 'right' }],
      input.completeness.rows.map((r, n) => [n + 1, r.name, r.status, r.submitted, r.daysLate]),
      { caption: input.completeness.caption },
    ));
  }
  if (figures.length) body.push(section('SỐ LIỆU TỔNG HỢP', ...figures));
  return {
    superior: input.superior ? upperVi(input.superior) : null,
    issuer: upperVi(input.issuer),
    number: input.number,
    numberSuffix: input.numberSuffix,
    place: input.place,
    date: input.date,
    draftYear: input.draftYear,
    kind: 'BÁO CÁO',
    subject: input.subject,
    preamble: [paragraph(input.preamble)],
    body,
    recipients: input.recipients,
    signature: input.signature,
    creator: 'lamtheo',
  };
}

/** "TU" for "Thành ủy Hải Phòng", "QU" for a district, "BTGTU" for "Ban Tuyên giáo Thành ủy". */
export function issuerAbbreviation(unitName: string): string {
  const words = unitName.trim().split(/\s+/);
  const until = words.findIndex((w) => /^ủy$/i.test(w.normalize('NFC')) || /^uỷ$/i.test(w));
  const part = until >= 0 ? words.slice(0, until + 1) : words.slice(0, 2);
  // Initials without tone or vowel marks, but Đ stays Đ as in "ĐU".
  return part.map((w) => w[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '')).join('').toLocaleUpperCase('vi');
}

/** The Vietnamese calendar day of an instant, as printed: "18/06/2021". */
export function dateCell(instant: string | null): string | null {
  return instant ? formatVnDate(todayVn(new Date(instant))) : null;
}
