/**
 * Kinds of documents and the abbreviations their numbers carry. Party documents follow
 * Hướng dẫn 36-HD/VPTW (05-CT/TW: number-KIND/ISSUER); State documents follow Nghị định
 * 30/2020/NĐ-CP (27/CT-TTg: number/KIND-ISSUER). Some abbreviations differ by convention:
 * "TT" is a Thông tri in the Party but a Thông tư in the State; a Quy định is "QĐi" in the
 * Party and "QyĐ" in the State.
 */

export const DOCUMENT_KIND_CODES = [
  'chi_thi', 'nghi_quyet', 'ket_luan', 'ke_hoach', 'huong_dan', 'quyet_dinh', 'quy_dinh', 'bao_cao', 'thong_bao',
  'cong_van', 'nghi_dinh', 'thong_tu', 'thong_tri', 'chuong_trinh', 'quy_che', 'de_an', 'to_trinh', 'cong_dien',
  'luat', 'khac',
] as const;

export type DocumentKind = (typeof DOCUMENT_KIND_CODES)[number];

export type Numbering = 'party' | 'state';

export interface DocumentKindInfo {
  code: DocumentKind;
  vi: string;
  en: string;
  /** Abbreviation in a Party number (05-CT/TW), if the Party issues this kind. */
  partyCode: string | null;
  /** Abbreviation in a State number (27/CT-TTg), if the State issues this kind with one. */
  stateCode: string | null;
  /** Further abbreviations read as this kind (joint circulars, older spellings). */
  aliases?: Partial<Record<Numbering, string[]>>;
}

export const DOCUMENT_KINDS: readonly DocumentKindInfo[] = [
  { code: 'chi_thi', vi: 'Chỉ thị', en: 'Directive', partyCode: 'CT', stateCode: 'CT' },
  { code: 'nghi_quyet', vi: 'Nghị quyết', en: 'Resolution', partyCode: 'NQ', stateCode: 'NQ', aliases: { state: ['NQLT'] } },
  { code: 'ket_luan', vi: 'Kết luận', en: 'Conclusion', partyCode: 'KL', stateCode: null },
  { code: 'ke_hoach', vi: 'Kế hoạch', en: 'Plan', partyCode: 'KH', stateCode: 'KH' },
  { code: 'huong_dan', vi: 'Hướng dẫn', en: 'Guidance', partyCode: 'HD', stateCode: 'HD' },
  { code: 'quyet_dinh', vi: 'Quyết định', en: 'Decision', partyCode: 'QĐ', stateCode: 'QĐ' },
  { code: 'quy_dinh', vi: 'Quy định', en: 'Regulation', partyCode: 'QĐi', stateCode: 'QyĐ' },
  { code: 'bao_cao', vi: 'Báo cáo', en: 'Report', partyCode: 'BC', stateCode: 'BC' },
  { code: 'thong_bao', vi: 'Thông báo', en: 'Notice', partyCode: 'TB', stateCode: 'TB' },
  { code: 'cong_van', vi: 'Công văn', en: 'Official letter', partyCode: 'CV', stateCode: null },
  { code: 'nghi_dinh', vi: 'Nghị định', en: 'Decree', partyCode: null, stateCode: 'NĐ' },
  { code: 'thong_tu', vi: 'Thông tư', en: 'Circular', partyCode: null, stateCode: 'TT', aliases: { state: ['TTLT'] } },
  { code: 'thong_tri', vi: 'Thông tri', en: 'Party circular', partyCode: 'TT', stateCode: null },
  { code: 'chuong_trinh', vi: 'Chương trình', en: 'Programme', partyCode: 'CTr', stateCode: 'CTr' },
  { code: 'quy_che', vi: 'Quy chế', en: 'Rules', partyCode: 'QC', stateCode: 'QC' },
  { code: 'de_an', vi: 'Đề án', en: 'Scheme', partyCode: 'ĐA', stateCode: 'ĐA' },
  { code: 'to_trinh', vi: 'Tờ trình', en: 'Submission', partyCode: 'TTr', stateCode: 'TTr' },
  { code: 'cong_dien', vi: 'Công điện', en: 'Dispatch', partyCode: 'CĐ', stateCode: 'CĐ' },
  { code: 'luat', vi: 'Luật', en: 'Law', partyCode: null, stateCode: null },
  { code: 'khac', vi: 'Văn bản khác', en: 'Other document', partyCode: null, stateCode: null },
];

const BY_CODE = new Map(DOCUMENT_KINDS.map((k) => [k.code, k]));

export function isDocumentKind(value: string): value is DocumentKind {
  return BY_CODE.has(value as DocumentKind);
}

export function documentKindInfo(kind: DocumentKind): DocumentKindInfo {
  return BY_CODE.get(kind)!;
}

/**
 * How abbreviations are compared: case-insensitive and with Đ read as D, because texts are
 * typed on keyboards without Vietnamese input ("ND-CP", "qd-ubnd"). Đ is the only letter
 * that differs, so "QĐ" and "QĐi" stay distinct (QD / QDI).
 */
export function looseCode(code: string): string {
  return code.normalize('NFC').toUpperCase().replace(/Đ/g, 'D');
}

interface CodeEntry { kind: DocumentKind; canonical: string }

function codeTable(numbering: Numbering): Map<string, CodeEntry> {
  const table = new Map<string, CodeEntry>();
  for (const k of DOCUMENT_KINDS) {
    const main = numbering === 'party' ? k.partyCode : k.stateCode;
    if (main) table.set(looseCode(main), { kind: k.code, canonical: main });
    for (const alias of k.aliases?.[numbering] ?? []) table.set(looseCode(alias), { kind: k.code, canonical: alias });
  }
  return table;
}

const CODES: Record<Numbering, Map<string, CodeEntry>> = { party: codeTable('party'), state: codeTable('state') };

/** The kind an abbreviation stands for in a convention ("TT" → thong_tri in the Party, thong_tu in the State). */
export function kindOfCode(code: string, numbering: Numbering): DocumentKind | null {
  return CODES[numbering].get(looseCode(code))?.kind ?? null;
}

/** The abbreviation as it is printed ("qdi" → "QĐi", "ND" → "NĐ"); null when the code is not a known one. */
export function canonicalKindCode(code: string, numbering: Numbering): string | null {
  return CODES[numbering].get(looseCode(code))?.canonical ?? null;
}

/** The abbreviation a kind carries in a convention, if any. */
export function codeOfKind(kind: DocumentKind, numbering: Numbering): string | null {
  const info = BY_CODE.get(kind);
  if (!info) return null;
  return numbering === 'party' ? info.partyCode : info.stateCode;
}

/**
 * Kinds as written in running text ("Chỉ thị", "Nghị quyết" …), longest first so that
 * "Thông tư liên tịch" is read before "Thông tư". Matched on folded text by the citation finder.
 */
export const KIND_WORDS: ReadonlyArray<{ words: string; kind: DocumentKind }> = [
  { words: 'Thông tư liên tịch', kind: 'thong_tu' },
  { words: 'Nghị quyết liên tịch', kind: 'nghi_quyet' },
  { words: 'Chỉ thị', kind: 'chi_thi' },
  { words: 'Nghị quyết', kind: 'nghi_quyet' },
  { words: 'Kết luận', kind: 'ket_luan' },
  { words: 'Kế hoạch', kind: 'ke_hoach' },
  { words: 'Hướng dẫn', kind: 'huong_dan' },
  { words: 'Quyết định', kind: 'quyet_dinh' },
  { words: 'Quy định', kind: 'quy_dinh' },
  { words: 'Báo cáo', kind: 'bao_cao' },
  { words: 'Thông báo', kind: 'thong_bao' },
  { words: 'Công văn', kind: 'cong_van' },
  { words: 'Nghị định', kind: 'nghi_dinh' },
  { words: 'Thông tư', kind: 'thong_tu' },
  { words: 'Thông tri', kind: 'thong_tri' },
  { words: 'Chương trình', kind: 'chuong_trinh' },
  { words: 'Quy chế', kind: 'quy_che' },
  { words: 'Đề án', kind: 'de_an' },
  { words: 'Tờ trình', kind: 'to_trinh' },
  { words: 'Công điện', kind: 'cong_dien' },
  { words: 'Luật', kind: 'luat' },
];
