/**
 * Consolidated figures of any unit for a period, from accepted reports:
 * - as structured then: the tree at the period's end; figures read from precomputed rollups
 *   (one primary-key read per row, whatever the size of the subtree);
 * - as structured now: each reporting unit's accepted figures follow lineage to the unit of
 *   today that carries them (see core/lineage-map for the rule), then roll up in today's tree.
 * Shown with which reports are included and which are missing.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { invalidField } from '../../core/errors';
import type { Mapping } from '../../core/lineage-map';
import { periodLabel, periodRange } from '../../core/periods';
import type { FormDefinition } from '../../core/report-form';
import { accumulate, emptyAccumulator, resultOf, type Accumulator } from '../../core/rollup';
import type { Database } from '../../db/schema';
import * as forms from '../report-forms/report-forms.service';
import { convention, dueDateOf, treeDateOf, type ScheduleRow } from '../report-schedules/report-schedules.service';
import { reportingStructure, type ReportingStructure } from '../report-schedules/report-schedules.structure';
import { flagsForPeriod } from '../reports/reports.flags';
import * as reports from '../reports/reports.queries';
import type { Consolidation, ConsolidationQuery } from './consolidation.contract';
import { authorizeRead, resolveSchedule } from './consolidation.access';
import { mapUnitsToToday } from './consolidation.lineage';
import * as repo from './consolidation.repository';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';
type PerIndicator = Map<string, Accumulator>;

const LIST_LIMIT = 2000;

export const NOW_RULE = {
  vi: 'Số liệu của đơn vị cũ được chuyển theo quá trình sắp xếp: đơn vị còn tồn tại giữ nguyên; sáp nhập/hợp nhất chuyển cho đơn vị nhận; giải thể có đơn vị kế thừa chuyển cho đơn vị đó, không có thì chuyển cho đơn vị cấp trên trước khi giải thể; chia tách thì giữ nguyên, không chia, đặt tại đơn vị thấp nhất hiện nay bao gồm mọi phần được chia. Mỗi đơn vị cũ chỉ được tính một lần nên tổng số không mất, không trùng.',
  en: "Figures of earlier units follow the restructuring: a unit that still exists keeps them; a merged unit hands them to the unit it merged into; a dissolved unit to its named successor, or else to its parent before it was dissolved; a split unit's figures are not divided but kept whole at the lowest unit of today holding all its parts. Each earlier unit counts once, so totals are neither lost nor doubled.",
};

function valuesOf(def: FormDefinition, acc: PerIndicator | undefined): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const ind of def.indicators) if (ind.aggregation !== 'none') out[ind.code] = resultOf(acc?.get(ind.code) ?? emptyAccumulator(), ind.aggregation);
  return out;
}

function figuresOf(def: FormDefinition, acc: PerIndicator | undefined) {
  const out: Record<string, { value: number | null; n: number }> = {};
  for (const ind of def.indicators) {
    if (ind.aggregation === 'none') continue;
    const a = acc?.get(ind.code) ?? emptyAccumulator();
    out[ind.code] = { value: resultOf(a, ind.aggregation), n: a.n };
  }
  return out;
}

interface Base {
  schedule: ScheduleRow;
  periodKey: string;
  def: FormDefinition;
  structure: ReportingStructure;
  treeDate: string;
}

function header(b: Base, lang: Lang) {
  const range = periodRange(b.periodKey, convention(b.schedule));
  return {
    schedule: { id: b.schedule.id, name: b.schedule.name, formId: b.schedule.form_id },
    period: { key: b.periodKey, label: periodLabel(b.periodKey, lang), ...range, dueDate: dueDateOf(b.schedule, b.periodKey), cutoff: b.schedule.cutoff },
    indicators: b.def.indicators.filter((i) => i.aggregation !== 'none').map((i) => ({ code: i.code, name: i.name, unit: i.unit ?? null, type: i.type, aggregation: i.aggregation })),
  };
}

/** `within`: only the part of the reporting structure inside that unit (enough "as structured then"). */
async function base(db: Db, schedule: ScheduleRow, periodKey: string, within?: number): Promise<Base> {
  const current = await forms.currentVersion(db, schedule.form_id);
  if (!current) throw invalidField('schedule', 'lịch báo cáo không có biểu mẫu', 'the schedule has no form');
  return { schedule, periodKey, def: current.definition, structure: await reportingStructure(db, schedule, periodKey, { within }), treeDate: treeDateOf(schedule, periodKey) };
}

async function flagCounts(db: Db, b: Base, unitIds: number[], lang: Lang): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const f of await flagsForPeriod(db, b.schedule, b.periodKey, lang, { unitIds })) counts.set(f.unitId, (counts.get(f.unitId) ?? 0) + 1);
  return counts;
}

async function consolidateThen(db: Db, b: Base, unitId: number, lang: Lang): Promise<Consolidation> {
  const unit = await repo.unitOn(db, unitId, b.treeDate);
  if (!unit) throw invalidField('unit', `đơn vị ${unitId} không tồn tại vào cuối kỳ`, `unit ${unitId} did not exist at the period's end`);
  const subtree = await repo.subtreeIds(db, b.schedule.hierarchy, unitId, b.treeDate);
  const below = b.structure.units.filter((u) => u.unitId !== unitId && subtree.has(u.unitId));
  const top = below.filter((u) => u.parentReporterId === null || u.parentReporterId === unitId || !subtree.has(u.parentReporterId));
  const rollups = await reports.rollupsOf(db, b.schedule.id, b.periodKey, [unitId, ...top.map((u) => u.unitId)]);
  const all = await reports.reportsOfPeriod(db, b.schedule.id, b.periodKey, [unitId, ...below.map((u) => u.unitId)]);
  const byUnit = new Map(all.map((r) => [r.unit_id, r]));
  const flags = await flagCounts(db, b, [unitId, ...top.map((u) => u.unitId)], lang);
  const rows: Consolidation['rows'] = [];
  const own = byUnit.get(unitId);
  if (own?.status === 'accepted') {
    const acc: PerIndicator = new Map();
    for (const v of await reports.acceptedValuesOfReport(db, own.id)) acc.set(v.indicator, accumulate(emptyAccumulator(), { value: v.value, weight: v.weight }));
    rows.push({ unitId, name: unit.name, kind: unit.kind, role: 'own', values: valuesOf(b.def, acc), reports: 1, flags: flags.get(unitId) ?? 0 });
  }
  for (const u of top) {
    const acc = rollups.get(u.unitId);
    const count = [...(acc?.values() ?? [])].reduce((m, a) => Math.max(m, a.n), 0);
    rows.push({ unitId: u.unitId, name: u.name, kind: u.kind, role: 'unit', values: valuesOf(b.def, acc), reports: count, flags: flags.get(u.unitId) ?? 0 });
  }
  const accepted = all.filter((r) => r.status === 'accepted');
  const names = await repo.namesLatest(db, all.map((r) => r.unit_id));
  const missing = below.filter((u) => byUnit.get(u.unitId)?.status !== 'accepted');
  return {
    ...header(b, lang), structure: 'then', treeDate: b.treeDate, unit: { id: unitId, name: unit.name },
    figures: figuresOf(b.def, rollups.get(unitId)), rows,
    included: { count: accepted.length, items: accepted.slice(0, LIST_LIMIT).map((r) => ({ unitId: r.unit_id, unitName: names.get(r.unit_id) ?? `#${r.unit_id}`, reportId: r.id, decidedAt: r.decided_at })) },
    missing: { count: missing.length, items: missing.slice(0, LIST_LIMIT).map((u) => ({ unitId: u.unitId, unitName: u.name, status: byUnit.get(u.unitId)?.status ?? 'none' })) },
    mapping: [], rule: null,
  };
}

async function consolidateNow(db: Db, b: Base, unitId: number, today: string, lang: Lang): Promise<Consolidation> {
  const unit = await repo.unitOn(db, unitId, today);
  if (!unit) throw invalidField('unit', `đơn vị ${unitId} không còn tồn tại vào ngày ${today}`, `unit ${unitId} does not exist on ${today}`);
  const hierarchy = b.schedule.hierarchy;
  const values = await reports.acceptedValues(db, b.schedule.id, b.periodKey);
  const all = await reports.reportsOfPeriod(db, b.schedule.id, b.periodKey);
  const pastUnits = [...new Set([...all.map((r) => r.unit_id), ...b.structure.units.map((u) => u.unitId), b.structure.rootId])];
  const mapping = await mapUnitsToToday(db, hierarchy, pastUnits, b.treeDate, today);
  const subtree = await repo.subtreeIds(db, hierarchy, unitId, today);
  const children = await repo.childrenOn(db, hierarchy, unitId, today);
  const childIds = new Set(children.map((c) => c.unitId));
  const attachments = [...new Set([...mapping.values()].map((m) => m.to).filter((t): t is number => t !== null && subtree.has(t)))];
  const chains = await repo.chainsOn(db, hierarchy, attachments, today);
  /** The child of `unitId` (today) under which an attachment lies, or unitId itself. */
  const rowOf = (attachment: number) => (chains.get(attachment) ?? [attachment]).find((a) => childIds.has(a)) ?? unitId;
  const total: PerIndicator = new Map();
  const perRow = new Map<number, PerIndicator>();
  const reportsPerRow = new Map<number, Set<number>>();
  for (const v of values) {
    const to = mapping.get(v.unit_id)?.to ?? null;
    if (to === null || !subtree.has(to)) continue;
    const c = { value: v.value, weight: v.weight };
    total.set(v.indicator, accumulate(total.get(v.indicator) ?? emptyAccumulator(), c));
    const row = rowOf(to);
    if (!perRow.has(row)) perRow.set(row, new Map());
    const acc = perRow.get(row)!;
    acc.set(v.indicator, accumulate(acc.get(v.indicator) ?? emptyAccumulator(), c));
    reportsPerRow.set(row, (reportsPerRow.get(row) ?? new Set()).add(v.report_id));
  }
  const rows: Consolidation['rows'] = [];
  if (perRow.has(unitId)) rows.push({ unitId, name: unit.name, kind: unit.kind, role: 'direct', values: valuesOf(b.def, perRow.get(unitId)), reports: reportsPerRow.get(unitId)?.size ?? 0, flags: 0 });
  for (const c of [...children].sort((x, y) => x.name.localeCompare(y.name, 'vi'))) {
    if (!perRow.has(c.unitId)) continue;
    rows.push({ unitId: c.unitId, name: c.name, kind: c.kind, role: 'unit', values: valuesOf(b.def, perRow.get(c.unitId)), reports: reportsPerRow.get(c.unitId)?.size ?? 0, flags: 0 });
  }
  const inScope = (u: number) => {
    const to = mapping.get(u)?.to;
    return to !== undefined && to !== null && subtree.has(to);
  };
  const accepted = all.filter((r) => r.status === 'accepted' && inScope(r.unit_id));
  const byUnit = new Map(all.map((r) => [r.unit_id, r]));
  const missing = b.structure.units.filter((u) => inScope(u.unitId) && byUnit.get(u.unitId)?.status !== 'accepted');
  const names = await repo.namesLatest(db, [...new Set([...pastUnits, ...[...mapping.values()].flatMap((m) => [...(m.to ? [m.to] : []), ...m.among])])]);
  const moved = [...mapping.values()].filter((m: Mapping) => m.rule !== 'same' && inScope(m.from));
  return {
    ...header(b, lang), structure: 'now', treeDate: today, unit: { id: unitId, name: unit.name },
    figures: figuresOf(b.def, total), rows,
    included: { count: accepted.length, items: accepted.slice(0, LIST_LIMIT).map((r) => ({ unitId: r.unit_id, unitName: names.get(r.unit_id) ?? `#${r.unit_id}`, reportId: r.id, decidedAt: r.decided_at })) },
    missing: { count: missing.length, items: missing.slice(0, LIST_LIMIT).map((u) => ({ unitId: u.unitId, unitName: u.name, status: byUnit.get(u.unitId)?.status ?? 'none' })) },
    mapping: moved.slice(0, LIST_LIMIT).map((m) => ({
      fromUnitId: m.from, fromName: names.get(m.from) ?? `#${m.from}`, toUnitId: m.to, toName: m.to ? names.get(m.to) ?? `#${m.to}` : null, rule: m.rule,
      among: m.among.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
    })),
    rule: NOW_RULE[lang],
  };
}

export async function consolidate(db: Db, actor: Actor | null, q: ConsolidationQuery, lang: Lang): Promise<Consolidation> {
  const schedule = await resolveSchedule(db, q.unit, q.period, q.schedule);
  await authorizeRead(db, actor, schedule, q.unit);
  return consolidationFor(db, schedule, q.period, q.unit, q.structure, lang, q.asOf);
}

/** The consolidation without a permission check, for callers that made theirs (a report's own DOCX). */
export async function consolidationFor(db: Db, schedule: ScheduleRow, periodKey: string, unitId: number, structure: 'then' | 'now', lang: Lang, asOf?: string): Promise<Consolidation> {
  if (structure === 'then') return consolidateThen(db, await base(db, schedule, periodKey, unitId), unitId, lang);
  const today = asOf ?? todayVn();
  const treeDate = treeDateOf(schedule, periodKey);
  if (today >= treeDate && !(await repo.linksChangedBetween(db, schedule.hierarchy, treeDate, today)) && (await repo.lineageSince(db, treeDate)).length === 0) {
    // Nothing was restructured since the period ended: today's tree is the tree then, and the
    // precomputed rollups answer directly.
    const then = await consolidateThen(db, await base(db, schedule, periodKey, unitId), unitId, lang);
    return { ...then, structure: 'now', treeDate: today, rule: NOW_RULE[lang] };
  }
  return consolidateNow(db, await base(db, schedule, periodKey), unitId, today, lang);
}

/** Just the figures of one unit from precomputed rollups (what dashboards and benchmarks read). */
export async function rolledUpFigures(db: Db, schedule: ScheduleRow, periodKey: string, unitId: number, def: FormDefinition) {
  const rollups = await reports.rollupsOf(db, schedule.id, periodKey, [unitId]);
  return figuresOf(def, rollups.get(unitId));
}

