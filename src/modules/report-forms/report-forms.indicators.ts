/**
 * Report indicators as things other records point at: a stable id per form and indicator code
 * (surviving new form versions). A plan's tasks are measured by indicators: the plans module keeps
 * the links, reporting checks the indicators and gives their ids.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ValidationError, type FieldIssue } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { loadPlanFor } from '../plans/plan-access';
import { setTaskIndicators } from '../plans/plan-indicators.service';
import { currentVersion } from './report-forms.service';

type Db = Kysely<Database>;

export interface IndicatorRef {
  id: number;
  formId: number;
  formName: string;
  code: string;
  name: string;
  unit: string | null;
}

/** Ids for (form, code) pairs whose indicator exists in the form's current version; problems name `indicators.N`. */
async function ensureRefs(db: Db, actor: Actor | null, items: Array<{ formId: number; code: string }>): Promise<number[]> {
  const issues: FieldIssue[] = [];
  for (const [i, item] of items.entries()) {
    const form = await currentVersion(db, item.formId);
    if (!form) issues.push({ field: `indicators.${i}.formId`, message: { vi: `không có biểu mẫu ${item.formId}`, en: `no form ${item.formId}` } });
    else if (!form.definition.indicators.some((ind) => ind.code === item.code)) {
      issues.push({ field: `indicators.${i}.code`, message: { vi: `biểu mẫu "${form.form.name}" không có chỉ tiêu "${item.code}"`, en: `form "${form.form.name}" has no indicator "${item.code}"` } });
    }
  }
  if (issues.length) throw new ValidationError(issues);
  const ids: number[] = [];
  for (const item of items) {
    let row = await db.selectFrom('report_indicator_refs').select('id').where('form_id', '=', item.formId).where('code', '=', item.code).executeTakeFirst();
    if (!row) {
      row = await db.insertInto('report_indicator_refs').values({ form_id: item.formId, code: item.code, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      await audit.record(db, actor, { entity: 'report_indicator_ref', entityId: row.id, action: 'create', after: item });
    }
    ids.push(row.id);
  }
  return ids;
}

/** Which indicators measure a task of a plan (replaces the task's links). */
export async function linkTaskIndicators(db: Db, actor: Actor | null, planId: number, taskId: number, items: Array<{ formId: number; code: string }>) {
  // The plan's own rule first (drafting at its unit), so a refused request writes nothing.
  await loadPlanFor(db, actor, planId, 'plan.draft');
  const ids = await ensureRefs(db, actor, items);
  const linked = await setTaskIndicators(db, actor, planId, taskId, ids);
  return indicatorRefs(db, actor, linked);
}

/** Names of indicators by id (for a plan's tasks), from each form's current version. */
export async function indicatorRefs(db: Db, actor: Actor | null, ids: number[]): Promise<IndicatorRef[]> {
  await access.authorize(db, actor, { action: 'report.form.read', unitId: null });
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('report_indicator_refs').selectAll().where('id', 'in', ids.slice(0, 500)).orderBy('id').execute();
  const out: IndicatorRef[] = [];
  for (const r of rows) {
    const form = await currentVersion(db, r.form_id);
    const ind = form?.definition.indicators.find((i) => i.code === r.code);
    out.push({ id: r.id, formId: r.form_id, formName: form?.form.name ?? '', code: r.code, name: ind?.name ?? r.code, unit: ind?.unit ?? null });
  }
  return out;
}
