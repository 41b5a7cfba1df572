/**
 * Flags for figures that look wrong, each explained in words, so inflated or inconsistent
 * reporting is visible to the reviewer: rule failures (on the unit's own figures and on its
 * totals with subordinates), outliers against peers of the same kind in the same period, and
 * outliers against the unit's own past periods (robust statistics, see core/outliers).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { historyOutlier, peerOutlier } from '../../core/outliers';
import { previousPeriods } from '../../core/periods';
import { checkValues, isNumericType, type FormDefinition, type IndicatorDef, type Values } from '../../core/report-form';
import type { Database } from '../../db/schema';
import * as forms from '../report-forms/report-forms.service';
import { treeDateOf, type ScheduleRow } from '../report-schedules/report-schedules.service';
import type { Flag } from './reports.contract';
import { authorizeSee } from './reports.access';
import { mergedValues, parseAggregate, totalsOf, type SourcedFigure } from './reports.figures';
import * as repo from './reports.repository';
import type { ReportRow } from './reports.repository';
import { loadContext } from './reports.service';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';

interface Figures {
  report: ReportRow;
  def: FormDefinition;
  own: Values;
  totals: Record<string, number | null>;
}

/** Own figures and totals of each report's latest submitted version. */
async function figuresOf(db: Db, reports: ReportRow[]): Promise<Figures[]> {
  const snapshots = await repo.latestVersions(db, reports.map((r) => r.id));
  const defs = new Map<number, FormDefinition>();
  const out: Figures[] = [];
  for (const report of reports) {
    const snap = snapshots.get(report.id);
    if (!snap) continue;
    if (!defs.has(snap.form_version_id)) defs.set(snap.form_version_id, (await forms.definitionOfVersion(db, snap.form_version_id)).definition);
    const def = defs.get(snap.form_version_id)!;
    const own = mergedValues(JSON.parse(snap.values_json) as Values, JSON.parse(snap.sources_json) as Record<string, SourcedFigure>);
    out.push({ report, def, own, totals: totalsOf(def, own, parseAggregate(snap.aggregate_json)) });
  }
  return out;
}

/** The figure compared for an indicator: the total, or the total per unit of its peer basis. */
function compared(ind: IndicatorDef, totals: Record<string, number | null>): number | null {
  const v = totals[ind.code];
  if (typeof v !== 'number') return null;
  if (!ind.peerBasis) return v;
  const basis = totals[ind.peerBasis];
  return typeof basis === 'number' && basis > 0 ? v / basis : null;
}

function labelOf(ind: IndicatorDef, def: FormDefinition) {
  if (!ind.peerBasis) return { vi: `"${ind.name}"`, en: `"${ind.name}"` };
  const basis = def.indicators.find((i) => i.code === ind.peerBasis)?.name ?? ind.peerBasis;
  return { vi: `"${ind.name}" trên mỗi đơn vị "${basis}"`, en: `"${ind.name}" per "${basis}"` };
}

const HISTORY_PERIODS = 6;

/**
 * Flags of the submitted or accepted reports of a schedule and period (of some units only, when
 * given). Peers are the units of the same kind whose reports the same unit receives: the reports a
 * reviewer has side by side, in the same context (the districts of a city, the wards of a district).
 */
export async function flagsForPeriod(db: Db, schedule: ScheduleRow, periodKey: string, lang: Lang, options: { unitIds?: number[] } = {}): Promise<Flag[]> {
  const day = treeDateOf(schedule, periodKey);
  const targets = (await repo.listReports(db, { scheduleId: schedule.id, periodKey, unitIds: options.unitIds, limit: 10_000_000 }))
    .filter((r) => r.status === 'submitted' || r.status === 'accepted');
  if (targets.length === 0) return [];
  const peerRows = options.unitIds
    ? await repo.decidedOrSubmittedFor(db, { scheduleId: schedule.id, periodKey, reviewerUnitIds: targets.map((r) => r.reviewer_unit_id) })
    : targets;
  const reports = [...new Map([...targets, ...peerRows].map((r) => [r.id, r])).values()];
  const targetIds = new Set(targets.map((r) => r.id));
  const figures = await figuresOf(db, reports);
  const kinds = await repo.unitKindsOn(db, reports.map((r) => r.unit_id), day);
  const kindNames = await repo.kindNames(db);
  const history = new Map<number, Figures[]>();
  const past = previousPeriods(periodKey, HISTORY_PERIODS);
  if (past.length) {
    for (const key of past) {
      const older = (await repo.listReports(db, { scheduleId: schedule.id, periodKey: key, unitIds: targets.map((r) => r.unit_id), statuses: ['accepted'], limit: 10_000_000 }));
      for (const f of await figuresOf(db, older)) history.set(f.report.unit_id, [...(history.get(f.report.unit_id) ?? []), f]);
    }
  }
  const flags: Flag[] = [];
  for (const f of figures) {
    if (!targetIds.has(f.report.id)) continue;
    const base = { reportId: f.report.id, unitId: f.report.unit_id };
    for (const o of checkValues(f.def, f.own)) {
      if (o.kind === 'required') continue;
      flags.push({ ...base, indicator: o.field, kind: 'rule', severity: o.severity, message: o.message[lang] });
    }
    const totalValues = Object.fromEntries(Object.entries(f.totals).filter(([, v]) => v !== null)) as Values;
    const ownFailures = new Set(checkValues(f.def, f.own).map((o) => o.ruleCode ?? `${o.kind}:${o.field}`));
    for (const o of checkValues(f.def, totalValues)) {
      if (o.kind === 'required' || ownFailures.has(o.ruleCode ?? `${o.kind}:${o.field}`)) continue;
      const prefix = lang === 'vi' ? 'Tổng cộng kể cả cấp dưới: ' : 'Totals including subordinates: ';
      flags.push({ ...base, indicator: o.field, kind: 'rule', severity: 'soft', message: prefix + o.message[lang] });
    }
    const kind = kinds.get(f.report.unit_id);
    const peers = figures.filter((p) => p.report.id !== f.report.id && kinds.get(p.report.unit_id) === kind && p.report.reviewer_unit_id === f.report.reviewer_unit_id);
    const kindName = kind ? kindNames.get(kind) : undefined;
    for (const ind of f.def.indicators) {
      // Record-sourced figures come from records, not from the unit: nothing to inflate there.
      if (!isNumericType(ind.type) || ind.aggregation === 'none' || ind.source) continue;
      const value = compared(ind, f.totals);
      if (value === null) continue;
      const label = labelOf(ind, f.def);
      const peerValues = peers.map((p) => {
        const same = p.def.indicators.find((i) => i.code === ind.code);
        return same ? compared(same, p.totals) : null;
      }).filter((v): v is number => v !== null);
      const peerFinding = peerOutlier(label, value, peerValues, { vi: `đơn vị cùng loại "${kindName?.vi ?? kind}"`, en: `peer units of kind "${kindName?.en ?? kind}"` });
      if (peerFinding) flags.push({ ...base, indicator: ind.code, kind: 'peers', severity: 'soft', message: peerFinding.message[lang] });
      const pastValues = (history.get(f.report.unit_id) ?? []).map((h) => {
        const same = h.def.indicators.find((i) => i.code === ind.code);
        return same ? compared(same, h.totals) : null;
      }).filter((v): v is number => v !== null);
      const historyFinding = historyOutlier(label, value, pastValues);
      if (historyFinding) flags.push({ ...base, indicator: ind.code, kind: 'history', severity: 'soft', message: historyFinding.message[lang] });
    }
  }
  return flags;
}

export async function flagsOfReport(db: Db, actor: Actor | null, reportId: number, lang: Lang): Promise<Flag[]> {
  const { report, schedule } = await loadContext(db, reportId);
  await authorizeSee(db, actor, schedule, report);
  return (await flagsForPeriod(db, schedule, report.period_key, lang, { unitIds: [report.unit_id] })).filter((f) => f.reportId === reportId);
}
