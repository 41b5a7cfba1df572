import type { Generated } from 'kysely';

/**
 * Đăng ký vấn đề: an issue a unit commits to resolve decisively, registered with a body above it.
 * draft → submitted → (returned → submitted …) → in_progress → resolution_submitted → resolved.
 */
export interface RegistrationsTable {
  id: Generated<number>;
  unit_id: number;
  body_unit_id: number;
  plan_id: number | null;
  status: string;
  title: string;
  title_search: string;
  description: string | null;
  /** The measurable target. */
  target: string;
  deadline: string;
  responsible_person: string;
  latest_percent: number | null;
  /** The day on which the hierarchy is judged (the plan's, or the day it was created). */
  ref_date: string;
  submitted_at: string | null;
  approved_at: string | null;
  resolved_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** What happened to a registration: submit, approve, return, progress, resolution, confirm, reopen. */
export interface RegistrationEntriesTable {
  id: Generated<number>;
  registration_id: number;
  kind: string;
  text: string | null;
  percent: number | null;
  reported_on: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface RegistrationEntryFilesTable {
  entry_id: number;
  file_id: number;
}
