import type { ColumnType, Generated } from 'kysely';

/** A column added later: may be left out on insert (older writers do not know it). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A document plans refer to: directive, resolution, plan, guidance, decision, report … */
export interface DocumentsTable {
  id: Generated<number>;
  /** chi_thi, nghi_quyet, ket_luan, ke_hoach, huong_dan, quyet_dinh, quy_dinh, bao_cao, thong_bao, cong_van, nghi_dinh, thong_tu */
  kind: string;
  /** 'party' (05-CT/TW) or 'state' (27/CT-TTg); null for documents cited without a number. */
  numbering: string | null;
  /** The number itself (05, 27, 1234), text to keep leading zeros as printed. */
  number: string | null;
  /** Year part of state numbers such as 09/2019/NĐ-CP. */
  number_year: number | null;
  /** Kind abbreviation in the number: CT, KH, NQ, NĐ, QĐ … */
  kind_code: string | null;
  /** Issuer part of the number: TW, TU, BTGTU, TTg, CP, UBND … */
  issuer_code: string | null;
  /** The canonical printed number, e.g. "05-CT/TW"; unique when present. */
  number_text: string | null;
  /** Issuing body as written: "Bộ Chính trị", "Ban Thường vụ Thành ủy" … */
  issuer_name: string | null;
  /** The unit that issued it, when it is one of ours. */
  issuer_unit_id: number | null;
  issued_on: string | null;
  title: string;
  summary: string | null;
  /** Folded number + title + issuer for search without diacritics. */
  search_text: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** Identity of a document cited without a number ("tw:4:XII"); unique when present (migration 020). */
  citation_key: Optional<string>;
  /** Issuing body folded for the issuer filter (migration 020). */
  issuer_search: Optional<string>;
}

/** implements, based_on, amends, replaces, related — from → to. */
export interface DocumentLinksTable {
  id: Generated<number>;
  from_document_id: number;
  to_document_id: number;
  kind: string;
  created_at: string;
}

export interface DocumentFilesTable {
  document_id: number;
  file_id: number;
  /** signed, draft, annex … */
  role: string;
  /** When the file was attached (migration 020; null for rows attached before it). */
  created_at: Optional<string>;
}
