/** SQL for task progress updates and their evidence files. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function insertProgress(db: Db, row: {
  planId: number; taskId: number; unitId: number; percent: number; narrative: string; reportedOn: string; createdBy: number | null; now: string;
}): Promise<number> {
  const inserted = await db.insertInto('plan_task_progress').values({
    plan_id: row.planId, task_id: row.taskId, unit_id: row.unitId, percent: row.percent, narrative: row.narrative,
    reported_on: row.reportedOn, created_by: row.createdBy, created_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findProgress(db: Db, id: number) {
  return db.selectFrom('plan_task_progress').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates of one task, newest first. */
export async function listProgress(db: Db, taskId: number) {
  return db.selectFrom('plan_task_progress as p')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.id', 'p.task_id', 'p.unit_id', 'p.percent', 'p.narrative', 'p.reported_on', 'p.created_at', 'u.display_name'])
    .where('p.task_id', '=', taskId)
    .orderBy('p.reported_on', 'desc').orderBy('p.id', 'desc').execute();
}

/** The latest update of each task (by the day it refers to, then by entry). */
export async function latestProgress(db: Db, taskIds: number[]): Promise<Map<number, { percent: number; reportedOn: string; narrative: string }>> {
  const out = new Map<number, { percent: number; reportedOn: string; narrative: string }>();
  const ids = [...new Set(taskIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db.selectFrom('plan_task_progress').select(['task_id', 'percent', 'reported_on', 'narrative'])
      .where('task_id', 'in', ids.slice(i, i + 5000))
      .orderBy('task_id').orderBy('reported_on', 'desc').orderBy('id', 'desc').execute();
    for (const r of rows) if (!out.has(r.task_id)) out.set(r.task_id, { percent: r.percent, reportedOn: r.reported_on, narrative: r.narrative });
  }
  return out;
}

export async function linkFile(db: Db, progressId: number, fileId: number): Promise<void> {
  await db.insertInto('plan_progress_files').values({ progress_id: progressId, file_id: fileId }).execute();
}

export async function filesOf(db: Db, progressIds: number[]) {
  if (progressIds.length === 0) return [];
  return db.selectFrom('plan_progress_files as pf')
    .innerJoin('files as f', 'f.id', 'pf.file_id')
    .select(['pf.progress_id', 'f.id', 'f.original_name', 'f.mime_type', 'f.size_bytes'])
    .where('pf.progress_id', 'in', progressIds).orderBy('f.id').execute();
}

export async function fileLinked(db: Db, progressId: number, fileId: number): Promise<boolean> {
  const row = await db.selectFrom('plan_progress_files').select('file_id')
    .where('progress_id', '=', progressId).where('file_id', '=', fileId).executeTakeFirst();
  return row !== undefined;
}
