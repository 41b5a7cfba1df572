/**
 * Report forms: indicators, narrative sections and rules, versioned. Publishing never edits a
 * version: it adds the next one, so a report keeps exactly the form it was filled in.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { ConflictError, NotFoundError, ValidationError, registerEntityName, type FieldIssue } from '../../core/errors';
import { DEFAULT_SECTIONS, definitionProblems, type FormDefinition } from '../../core/report-form';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { allIndicatorSources, indicatorSource } from '../indicator-sources/indicator-sources.all';
import type { CreateFormInput, Form, PublishVersionInput } from './report-forms.contract';
import * as repo from './report-forms.repository';

type Db = Kysely<Database>;

registerEntityName('report_form', { vi: 'biểu mẫu báo cáo', en: 'Report form' });
registerEntityName('report_form_version', { vi: 'phiên bản biểu mẫu', en: 'Form version' });

/** Shape and consistency problems of a definition, including record sources and their parameters. */
function checkDefinition(def: FormDefinition, field = 'definition'): void {
  const issues: FieldIssue[] = definitionProblems(def).map((i) => ({ ...i, field: `${field}.${i.field}` }));
  def.indicators.forEach((ind, i) => {
    if (!ind.source) return;
    const at = `${field}.indicators.${i}.source`;
    const source = indicatorSource(ind.source.key);
    if (!source) {
      issues.push({ field: `${at}.key`, message: { vi: `không có nguồn dữ liệu "${ind.source.key}"`, en: `no record source "${ind.source.key}"` } });
      return;
    }
    if (ind.type !== 'integer' && ind.type !== 'decimal') {
      issues.push({ field: `${field}.indicators.${i}.type`, message: { vi: 'chỉ tiêu lấy từ dữ liệu phải là số', en: 'a record-sourced indicator must be numeric' } });
    }
    if (source.params) {
      const parsed = source.params.safeParse(ind.source.params ?? {});
      if (!parsed.success) {
        for (const problem of parsed.error.issues) {
          issues.push({ field: `${at}.params${problem.path.length ? `.${problem.path.join('.')}` : ''}`, message: { vi: 'tham số không hợp lệ', en: 'invalid parameter' } });
        }
      }
    }
  });
  if (issues.length) throw new ValidationError(issues);
}

export function parseDefinition(json: string): FormDefinition {
  const def = JSON.parse(json) as FormDefinition;
  return {
    indicators: def.indicators.map((i) => ({ ...i, required: i.required ?? false })),
    sections: def.sections.map((s) => ({ ...s, required: s.required ?? false })),
    rules: def.rules ?? [],
  };
}

async function present(db: Db, formId: number, version?: number): Promise<Form> {
  const row = await repo.findForm(db, formId);
  if (!row) throw new NotFoundError('report_form', formId);
  const v = await repo.findVersion(db, formId, version ?? row.current_version);
  if (!v) throw new NotFoundError('report_form_version', `${formId}/${version}`);
  const versions = await repo.listVersions(db, formId);
  return {
    id: row.id, code: row.code, name: row.name, description: row.description, ownerUnitId: row.owner_unit_id,
    ownerUnitName: await repo.unitName(db, row.owner_unit_id, todayVn()), currentVersion: row.current_version, updatedAt: row.updated_at,
    version: v.version, versionId: v.id, definition: parseDefinition(v.definition_json) as Form['definition'],
    versions: versions.map((x) => ({ version: x.version, createdAt: x.created_at, note: x.note })),
  };
}

export async function listForms(db: Db, actor: Actor | null, q: { q?: string; owner?: number }) {
  await access.authorize(db, actor, { action: 'report.form.read', unitId: q.owner ?? null });
  const rows = await repo.listForms(db, { search: q.q ? fold(q.q) : undefined, ownerUnitId: q.owner, today: todayVn() });
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, description: r.description, ownerUnitId: r.owner_unit_id, ownerUnitName: r.owner_name ?? null,
    currentVersion: r.current_version, updatedAt: r.updated_at,
  }));
}

export async function getForm(db: Db, actor: Actor | null, formId: number, version?: number): Promise<Form> {
  const row = await repo.findForm(db, formId);
  if (!row) throw new NotFoundError('report_form', formId);
  await access.authorize(db, actor, { action: 'report.form.read', unitId: row.owner_unit_id });
  return present(db, formId, version);
}

export async function createForm(db: Db, actor: Actor | null, input: Omit<CreateFormInput, 'definition'> & { definition?: FormDefinition }): Promise<Form> {
  await access.authorize(db, actor, { action: 'report.form.manage', unitId: input.ownerUnitId });
  const definition: FormDefinition = input.definition ?? { indicators: [], sections: DEFAULT_SECTIONS, rules: [] };
  checkDefinition(definition);
  if (await repo.codeTaken(db, input.code)) {
    throw new ConflictError({ vi: `Mã biểu mẫu "${input.code}" đã có`, en: `Form code "${input.code}" exists` }, { field: 'code' }, 'duplicate_code');
  }
  if (!(await repo.unitName(db, input.ownerUnitId, todayVn()))) throw new NotFoundError('org_unit', input.ownerUnitId);
  const now = new Date().toISOString();
  const formId = await repo.insertForm(db, {
    code: input.code, name: input.name, description: input.description ?? null, ownerUnitId: input.ownerUnitId, nameSearch: fold(`${input.name} ${input.code}`), now,
  });
  await repo.insertVersion(db, {
    formId, version: 1, definitionJson: JSON.stringify(definition), note: input.note ?? null, createdBy: actor?.kind === 'user' ? actor.userId : null, now,
  });
  const created = await present(db, formId);
  await audit.record(db, actor, { entity: 'report_form', entityId: formId, action: 'create', unitId: input.ownerUnitId, after: { code: input.code, name: input.name, definition } });
  return created;
}

export async function publishVersion(db: Db, actor: Actor | null, formId: number, input: Omit<PublishVersionInput, 'definition'> & { definition: FormDefinition }): Promise<Form> {
  const row = await repo.findForm(db, formId);
  if (!row) throw new NotFoundError('report_form', formId);
  await access.authorize(db, actor, { action: 'report.form.manage', unitId: row.owner_unit_id });
  if (input.baseVersion !== row.current_version) {
    throw new ConflictError({
      vi: `Biểu mẫu đã có phiên bản ${row.current_version} mới hơn phiên bản ${input.baseVersion} bạn đang sửa; hãy tải lại`,
      en: `Version ${row.current_version} was published after the version ${input.baseVersion} you edited; reload`,
    }, { field: 'baseVersion', currentVersion: row.current_version }, 'version_conflict');
  }
  checkDefinition(input.definition);
  const now = new Date().toISOString();
  const version = row.current_version + 1;
  await repo.insertVersion(db, {
    formId, version, definitionJson: JSON.stringify(input.definition), note: input.note ?? null, createdBy: actor?.kind === 'user' ? actor.userId : null, now,
  });
  const name = input.name ?? row.name;
  await repo.updateForm(db, formId, {
    current_version: version, name, description: input.description ?? row.description, name_search: fold(`${name} ${row.code}`), updated_at: now,
  });
  await audit.record(db, actor, {
    entity: 'report_form', entityId: formId, action: 'publish_version', unitId: row.owner_unit_id,
    before: { version: row.current_version }, after: { version, definition: input.definition, note: input.note ?? null },
  });
  return present(db, formId);
}

/** For other modules: a form version's definition (no permission check; callers have done theirs). */
export async function definitionOfVersion(db: Db, versionId: number): Promise<{ formId: number; version: number; definition: FormDefinition }> {
  const v = await repo.findVersionById(db, versionId);
  if (!v) throw new NotFoundError('report_form_version', versionId);
  return { formId: v.form_id, version: v.version, definition: parseDefinition(v.definition_json) };
}

/** For other modules: the form and its current version. */
export async function currentVersion(db: Db, formId: number) {
  const row = await repo.findForm(db, formId);
  if (!row) return null;
  const v = await repo.findVersion(db, formId, row.current_version);
  return v ? { form: row, versionId: v.id, version: v.version, definition: parseDefinition(v.definition_json) } : null;
}

export async function listSources(db: Db, actor: Actor | null, lang: 'vi' | 'en') {
  await access.authorize(db, actor, { action: 'report.form.read', unitId: null });
  return allIndicatorSources().map((s) => ({ key: s.key, label: s.label[lang], description: s.description[lang], valueType: s.valueType }));
}
