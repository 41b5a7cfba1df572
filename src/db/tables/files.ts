import type { Generated } from 'kysely';

/** Stored uploads (attachments, evidence, images). Bytes live on disk under a server-made name. */
export interface FilesTable {
  id: Generated<number>;
  storage_key: string;
  original_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  /** What the file is for: document_attachment, evidence, news_image … */
  purpose: string;
  uploaded_by: number | null;
  unit_id: number | null;
  created_at: string;
}
