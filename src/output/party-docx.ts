/**
 * Prints a PartyDocument as DOCX in the format of Hướng dẫn 36-HD/VPTW: A4, Times New Roman,
 * the two-column header (issuing body with "*" and the number on the left; "ĐẢNG CỘNG SẢN
 * VIỆT NAM" with its rule and the place-date line on the right), the kind and subject centered,
 * numbered sections, tables, then "Nơi nhận" bottom-left and the signature block bottom-right.
 * Page numbers from the second page, top centre, as the guidance asks.
 */
import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, convertMillimetersToTwip,
  type FileChild, type IParagraphOptions,
} from 'docx';
import {
  type Block, type CellValue, type Inline, type PartyDocument, type Signature, type Span, type TableBlock,
} from './party-document';
import {
  FONT, MARGIN_MM, PAGE_MM, SIZE, formatNumberVi, numberLine, placeDate, sectionLabel, upperVi, type BodySize,
} from './party-format';

const CONTENT_TWIPS = convertMillimetersToTwip(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);
/** Body paragraphs: first line indented 1 cm, 6 pt before, line spacing 1.15. */
const FIRST_LINE = convertMillimetersToTwip(10);
const BODY_SPACING = { before: 120, after: 0, line: 276 } as const;
const HALF_POINTS = (pt: number) => pt * 2;

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function runs(text: Inline, style: RunStyle = {}): TextRun[] {
  const spans: Span[] = typeof text === 'string' ? [{ text }] : text;
  return spans.map((s) => new TextRun({
    text: s.text,
    font: FONT,
    ...(style.size ? { size: HALF_POINTS(style.size) } : {}),
    bold: s.bold || style.bold || undefined,
    italics: s.italic || style.italic || undefined,
    underline: s.underline || style.underline ? {} : undefined,
  }));
}

function line(text: Inline, style: RunStyle & { align?: keyof typeof ALIGN } & Omit<IParagraphOptions, 'children' | 'alignment'> = {}): Paragraph {
  const { size, bold, italic, underline, align, ...paragraph } = style;
  return new Paragraph({ alignment: ALIGN[align ?? 'center'], ...paragraph, children: runs(text, { size, bold, italic, underline }) });
}

const NO_BORDERS = TableBorders.NONE;
const noCellBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/**
 * The header grid, in twips: [number, gap, party]. The issuing body spans number + gap (wide
 * enough for "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG" at 14 pt on one line), the party name takes the
 * rest; below, "Số …" takes the first column and the place-date line spans gap + party, so a
 * long date line stays on one line against the right margin.
 */
function headerGrid(): [number, number, number] {
  const left = convertMillimetersToTwip(86);
  const number = convertMillimetersToTwip(66);
  return [number, left - number, CONTENT_TWIPS - left];
}

function cell(children: Paragraph[], width: number, columnSpan = 1): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    borders: noCellBorders,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    children,
  });
}

function gridTable(widths: number[], rows: TableCell[][], options: { cantSplit?: boolean } = {}): Table {
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((children) => new TableRow({ cantSplit: options.cantSplit, children })),
  });
}

function headerBlock(doc: PartyDocument): Table {
  const [numberWidth, gap, partyWidth] = headerGrid();
  const left: Paragraph[] = [];
  if (doc.superior) left.push(line(upperVi(doc.superior), { size: SIZE.header }));
  left.push(line(upperVi(doc.issuer), { size: SIZE.header, bold: true }));
  left.push(line('*', { size: SIZE.header }));
  // The rule under the party name is the paragraph's bottom border, indented to about the text's width.
  const ruleIndent = Math.max(0, Math.round((partyWidth - convertMillimetersToTwip(74)) / 2));
  const right = [line('ĐẢNG CỘNG SẢN VIỆT NAM', {
    size: SIZE.partyName, bold: true,
    border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
    indent: { left: ruleIndent, right: ruleIndent },
  })];
  const number = [line(numberLine(doc.number, doc.numberSuffix), { size: SIZE.header, spacing: { before: 60 } })];
  const date = [line(placeDate(doc.place, doc.date, doc.draftYear), { size: SIZE.header, italic: true, align: 'right', spacing: { before: 60 } })];
  return gridTable([numberWidth, gap, partyWidth], [
    [cell(left, numberWidth + gap, 2), cell(right, partyWidth)],
    [cell(number, numberWidth), cell(date, gap + partyWidth, 2)],
  ]);
}

function titleBlock(doc: PartyDocument): Paragraph[] {
  const out = [line(upperVi(doc.kind), { size: SIZE.kind, bold: true, spacing: { before: 360, after: 0 }, keepNext: true })];
  const subject = doc.subject === undefined ? [] : Array.isArray(doc.subject) ? doc.subject : [doc.subject];
  for (const s of subject) out.push(line(s, { size: SIZE.subject, bold: true, keepNext: true }));
  out.push(line('-----', { size: SIZE.subject, spacing: { after: 120 } }));
  return out;
}

function bodyParagraph(text: Inline, size: BodySize, options: { align?: keyof typeof ALIGN; firstLineIndent?: boolean; bold?: boolean; italic?: boolean; keepNext?: boolean } = {}): Paragraph {
  const align = options.align ?? 'justify';
  const indent = options.firstLineIndent ?? align === 'justify';
  return line(text, {
    size, align, bold: options.bold, italic: options.italic, keepNext: options.keepNext,
    spacing: BODY_SPACING,
    ...(indent ? { indent: { firstLine: FIRST_LINE } } : {}),
  });
}

function cellText(value: CellValue): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumberVi(value) : value;
}

function dataTable(block: TableBlock): FileChild[] {
  const declared = block.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const unsized = block.columns.filter((c) => c.width === undefined).length;
  // Columns without a width share equally what the sized ones leave (or all of it).
  const share = unsized === 0 ? 0 : Math.max(1, declared === 0 ? 1 : declared / block.columns.length);
  const relative = block.columns.map((c) => c.width ?? share);
  const total = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((w) => Math.floor((w / total) * CONTENT_TWIPS));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (value: CellValue, i: number, style: { bold?: boolean; header?: boolean }) => {
    const align = style.header ? 'center' : block.columns[i].align ?? (typeof value === 'number' ? 'right' : 'left');
    return new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [line(cellText(value), { size: SIZE.table, bold: style.bold, align })],
    });
  };
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.title, i, { bold: true, header: true })) }),
    ...block.rows.map((r) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(r[i] ?? null, i, {})) })),
    ...(block.totals ? [new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(block.totals![i] ?? null, i, { bold: true })) })] : []),
  ];
  const out: FileChild[] = [];
  if (block.caption) out.push(line(block.caption, { size: SIZE.table + 1, bold: true, spacing: { before: 160, after: 80 }, keepNext: true }));
  out.push(new Table({ width: { size: CONTENT_TWIPS, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }));
  if (block.note) out.push(line(block.note, { size: SIZE.table, italic: true, align: 'left', spacing: { before: 60 } }));
  return out;
}

function headingParagraph(label: string, heading: Inline, depth: number, size: BodySize): Paragraph {
  const text: Inline = typeof heading === 'string'
    ? [{ text: `${label} ${depth === 0 ? upperVi(heading) : heading}` }]
    : [{ text: `${label} ` }, ...heading];
  return bodyParagraph(text, size, {
    bold: depth <= 1, italic: depth === 2, keepNext: true, align: 'justify', firstLineIndent: true,
  });
}

function blocks(list: Block[], depth: number, size: BodySize): FileChild[] {
  const out: FileChild[] = [];
  let sectionIndex = 0;
  for (const block of list) {
    switch (block.type) {
      case 'section': {
        sectionIndex += 1;
        out.push(headingParagraph(block.label ?? sectionLabel(depth, sectionIndex), block.heading, depth, size));
        out.push(...blocks(block.children, depth + 1, size));
        break;
      }
      case 'paragraph':
        out.push(bodyParagraph(block.text, size, { align: block.align, firstLineIndent: block.firstLineIndent }));
        break;
      case 'bullets':
        for (const item of block.items) {
          const text: Inline = typeof item === 'string' ? `- ${item}` : [{ text: '- ' }, ...item];
          out.push(bodyParagraph(text, size));
        }
        break;
      case 'table':
        out.push(...dataTable(block));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

/** "- Như trên," … "- Lưu Văn phòng." : commas between, a full stop at the end, unless the item has its own. */
function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => {
    const text = r.trim().replace(/^[-–•]\s*/, '');
    const end = i === recipients.length - 1 ? '.' : ',';
    return `- ${/[.,;:]$/.test(text) ? text : `${text}${end}`}`;
  });
}

function signatureParagraphs(signature: Signature): Paragraph[] {
  const out: Paragraph[] = [];
  if (signature.authority) out.push(line(upperVi(signature.authority), { size: SIZE.signature, bold: true }));
  out.push(line(upperVi(signature.position), { size: SIZE.signature, bold: true }));
  // Room for the signature and the seal.
  for (let i = 0; i < 4; i += 1) out.push(line('', { size: SIZE.signature }));
  out.push(line(signature.signer ?? '', { size: SIZE.signature, bold: true }));
  return out;
}

function footerBlock(doc: PartyDocument): Table {
  const left = [
    line('Nơi nhận:', { size: SIZE.header, underline: true, align: 'left' }),
    ...recipientLines(doc.recipients).map((r) => line(r, { size: SIZE.recipients, align: 'left' })),
  ];
  // Recipients take the left 45 %; the signature block is centred in the rest.
  const leftWidth = Math.round(CONTENT_TWIPS * 0.45);
  const widths = [leftWidth, CONTENT_TWIPS - leftWidth];
  return gridTable(widths, [[cell(left, widths[0]), cell(signatureParagraphs(doc.signature), widths[1])]], { cantSplit: true });
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: HALF_POINTS(SIZE.header), children: [PageNumber.CURRENT] })] })] });
}

export function partyDocx(doc: PartyDocument): Document {
  const size = doc.bodySize ?? 14;
  const subject = doc.subject === undefined ? '' : ` ${Array.isArray(doc.subject) ? doc.subject.join(' ') : doc.subject}`;
  return new Document({
    title: doc.title ?? `${doc.kind}${subject}`.trim(),
    creator: doc.creator ?? 'lamtheo',
    styles: { default: { document: { run: { font: FONT, size: HALF_POINTS(size) } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: convertMillimetersToTwip(PAGE_MM.width), height: convertMillimetersToTwip(PAGE_MM.height) },
          margin: {
            top: convertMillimetersToTwip(MARGIN_MM.top), bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
            left: convertMillimetersToTwip(MARGIN_MM.left), right: convertMillimetersToTwip(MARGIN_MM.right),
            header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10),
          },
        },
      },
      headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
      children: [
        headerBlock(doc),
        ...titleBlock(doc),
        ...blocks(doc.preamble ?? [], 0, size),
        ...blocks(doc.body, 0, size),
        new Paragraph({ children: [], spacing: { before: 240 } }),
        footerBlock(doc),
      ],
    }],
  });
}

/** The document as DOCX bytes. */
export async function renderPartyDocx(doc: PartyDocument): Promise<Buffer> {
  return Packer.toBuffer(partyDocx(doc));
}

/** A file name for downloads: "KH-32-KH-TU.docx" style, ASCII only. */
export function partyDocxFileName(doc: Pick<PartyDocument, 'kind' | 'number'>, fallback = 'van-ban'): string {
  const base = `${doc.kind} ${doc.number ?? fallback}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || fallback}.docx`;
}
