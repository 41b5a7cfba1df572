/**
 * What an official Party document says, independent of DOCX: header facts, title, numbered
 * sections, tables, recipients and signature. Plans and reports describe themselves with
 * these few types (and the small constructors below); party-docx.ts prints them.
 */
import type { IsoDate } from '../core/dates';
import type { BodySize } from './party-format';

/** A run of text with emphasis. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type Inline = string | Span[];

export interface SectionBlock {
  type: 'section';
  heading: Inline;
  /** Printed label instead of the automatic one ("I.", "1.", "a)" by depth). */
  label?: string;
  children: Block[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: Inline;
  align?: 'justify' | 'left' | 'center' | 'right';
  /** Indent the first line like body text (default true for justified text). */
  firstLineIndent?: boolean;
}

/** Items starting with a dash, as Party documents list them ("- Ban Tuyên giáo …"). */
export interface BulletsBlock {
  type: 'bullets';
  items: Inline[];
}

export type CellValue = string | number | null;

export interface TableColumn {
  title: string;
  /** Relative width; columns without one share what is left equally. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  type: 'table';
  /** A caption above the table, e.g. "Biểu 1: Kết quả sinh hoạt chuyên đề theo đơn vị". */
  caption?: string;
  columns: TableColumn[];
  rows: CellValue[][];
  /** A last row in bold ("Tổng cộng"). */
  totals?: CellValue[];
  /** A note under the table in italics (sources, units of measure). */
  note?: string;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block = SectionBlock | ParagraphBlock | BulletsBlock | TableBlock | PageBreakBlock;

export interface Signature {
  /** "T/M BAN THƯỜNG VỤ" (on behalf of a collective), "K/T BÍ THƯ", or none for an individual. */
  authority?: string;
  /** "PHÓ BÍ THƯ", "TRƯỞNG BAN" … */
  position: string;
  /** Who signs; left blank on a draft. */
  signer?: string | null;
}

export interface PartyDocument {
  /** Superior body, printed above the issuer: "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG". None for central bodies. */
  superior?: string | null;
  /** Issuing body, printed bold: "THÀNH ỦY", "BAN THƯỜNG VỤ THÀNH ỦY", "BAN TUYÊN GIÁO". */
  issuer: string;
  /** "32-KH/TU"; null for an unnumbered draft. */
  number: string | null;
  /** On an unnumbered draft, what follows the blank: "KH/TU" → "Số        -KH/TU". */
  numberSuffix?: string;
  place: string;
  /** Signing date; null for a draft (the day and month stay blank). */
  date: IsoDate | null;
  /** Year to print on a draft's place-date line. */
  draftYear?: number;
  /** "KẾ HOẠCH", "BÁO CÁO", "CHỈ THỊ" … */
  kind: string;
  /** The subject under the kind: "thực hiện Chỉ thị số 05-CT/TW … năm 2021". */
  subject?: string | string[];
  /** Paragraphs before the first section ("Căn cứ …", "Thực hiện …"). */
  preamble?: Block[];
  body: Block[];
  /** Recipients, one a line; printed with a leading dash, the last one ending with a full stop. */
  recipients: string[];
  signature: Signature;
  bodySize?: BodySize;
  /** DOCX metadata title; defaults to kind and subject. */
  title?: string;
  /** DOCX metadata author/creator. */
  creator?: string;
}

export function section(heading: Inline, ...children: Block[]): SectionBlock {
  return { type: 'section', heading, children };
}

export function paragraph(text: Inline, options: Omit<ParagraphBlock, 'type' | 'text'> = {}): ParagraphBlock {
  return { type: 'paragraph', text, ...options };
}

export function bullets(...items: Inline[]): BulletsBlock {
  return { type: 'bullets', items };
}

export function table(columns: Array<TableColumn | string>, rows: CellValue[][], options: Omit<TableBlock, 'type' | 'columns' | 'rows'> = {}): TableBlock {
  return { type: 'table', columns: columns.map((c) => (typeof c === 'string' ? { title: c } : c)), rows, ...options };
}

export function pageBreak(): PageBreakBlock {
  return { type: 'pageBreak' };
}

/** The plain text of an inline (for metadata and checks). */
export function inlineText(text: Inline): string {
  return typeof text === 'string' ? text : text.map((s) => s.text).join('');
}
