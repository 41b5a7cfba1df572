import type { Generated } from 'kysely';

/** A milestone such as a conference (hội nghị), review (sơ kết, tổng kết) or anniversary. */
export interface MilestoneEventsTable {
  id: Generated<number>;
  organizer_unit_id: number;
  /** hoi_nghi | so_ket | tong_ket | ky_niem | khac */
  kind: string;
  title: string;
  title_search: string;
  held_on: string;
  venue: string | null;
  participants: string | null;
  participant_count: number | null;
  outcome: string | null;
  plan_id: number | null;
  task_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface MilestoneEventDocumentsTable {
  event_id: number;
  document_id: number;
}

export interface MilestoneEventFilesTable {
  event_id: number;
  file_id: number;
}
