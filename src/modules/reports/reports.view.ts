/**
 * Reading a report: the unit sees its working copy with live figures; superiors and reviewers
 * see the last submitted version as it was sent. Versions are immutable and any two (or a
 * version and the working copy) can be compared.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { NotFoundError, invalidField } from '../../core/errors';
import { checkValues, type FormDefinition, type Narrative, type Values } from '../../core/report-form';
import { diffText } from '../../core/text-diff';
import type { Database } from '../../db/schema';
import * as forms from '../report-forms/report-forms.service';
import { reportingStructure } from '../report-schedules/report-schedules.structure';
import type { Report } from './reports.contract';
import { authorizeSee, mayFill, mayReview } from './reports.access';
import {
  computeSourced, mergedValues, parseAggregate, publicAggregate, subordinatesAggregate, totalsOf, type SourcedFigure,
} from './reports.figures';
import * as repo from './reports.repository';
import { loadContext, summarize } from './reports.service';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';

export async function getReport(db: Db, actor: Actor | null, reportId: number, lang: Lang): Promise<Report> {
  const { report, schedule, definition, formVersion } = await loadContext(db, reportId);
  const view = await authorizeSee(db, actor, schedule, report);
  const [summary] = await summarize(db, [report], lang);
  let values: Values;
  let narrative: Narrative;
  let sourced: Record<string, SourcedFigure>;
  let aggregate;
  let def: FormDefinition = definition;
  let formVersionId = report.form_version_id;
  let version = formVersion;
  if (view === 'working') {
    const structure = await reportingStructure(db, schedule, report.period_key, { within: report.unit_id });
    values = JSON.parse(report.values_json);
    narrative = JSON.parse(report.narrative_json);
    const live = report.status === 'draft' || report.status === 'returned';
    const snapshot = live ? null : await repo.latestVersion(db, reportId);
    sourced = snapshot ? JSON.parse(snapshot.sources_json) : await computeSourced(db, structure, report.unit_id, definition);
    aggregate = snapshot ? parseAggregate(snapshot.aggregate_json) : await subordinatesAggregate(db, structure, report.unit_id, definition);
  } else {
    const snapshot = await repo.latestVersion(db, reportId);
    if (!snapshot) throw new NotFoundError('report', reportId);
    const used = await forms.definitionOfVersion(db, snapshot.form_version_id);
    def = used.definition;
    formVersionId = snapshot.form_version_id;
    version = used.version;
    values = JSON.parse(snapshot.values_json);
    narrative = JSON.parse(snapshot.narrative_json);
    sourced = JSON.parse(snapshot.sources_json);
    aggregate = parseAggregate(snapshot.aggregate_json);
  }
  const merged = mergedValues(values, sourced);
  const form = await forms.currentVersion(db, schedule.form_id);
  const versions = await repo.listVersions(db, reportId);
  const events = await repo.listEvents(db, reportId);
  const highlights = await repo.highlightsOf(db, [reportId]);
  const visibleEvents = view === 'working' ? events : events.filter((e) => e.action !== 'created');
  return {
    ...summary,
    // Superiors see the state of what was sent: a returned report being corrected shows as returned.
    view,
    form: { id: schedule.form_id, name: form?.form.name ?? '', version, versionId: formVersionId },
    definition: def as Report['definition'],
    values,
    sourced,
    aggregate: publicAggregate(aggregate),
    totals: totalsOf(def, merged, aggregate),
    narrative,
    checks: checkValues(def, merged, narrative).map((o) => ({ field: o.field, severity: o.severity, kind: o.kind, message: o.message[lang] })),
    versions: versions.map((v) => ({ seq: v.seq, submittedAt: v.submitted_at, submittedBy: v.submitted_by_name })),
    events: visibleEvents.map((e) => ({ action: e.action, versionSeq: e.version_seq, comment: e.comment, actorName: e.actor_name, at: e.at })),
    highlights: highlights.map((h) => ({ id: h.id, section: h.section_code, paragraph: h.paragraph, note: h.note })),
    can: {
      edit: (report.status === 'draft' || report.status === 'returned') && (await mayFill(db, actor, schedule, report.unit_id)),
      review: report.status === 'submitted' && (await mayReview(db, actor, schedule, report)),
    },
  };
}

export async function getVersion(db: Db, actor: Actor | null, reportId: number, seq: number, lang: Lang) {
  const { report, schedule } = await loadContext(db, reportId);
  await authorizeSee(db, actor, schedule, report);
  const v = await repo.findVersion(db, reportId, seq);
  if (!v) throw new NotFoundError('report_version', `${reportId}/${seq}`);
  const warnings = JSON.parse(v.warnings_json) as Array<{ field: string; message: { vi: string; en: string } }>;
  return {
    reportId, seq, formVersionId: v.form_version_id, submittedAt: v.submitted_at, submittedBy: v.submitted_by_name,
    values: JSON.parse(v.values_json), sourced: JSON.parse(v.sources_json), narrative: JSON.parse(v.narrative_json),
    aggregate: publicAggregate(parseAggregate(v.aggregate_json)),
    warnings: warnings.map((w) => ({ field: w.field, message: w.message[lang] })),
  };
}

function display(value: unknown): Values[string] {
  return value === undefined ? null : (value as Values[string]);
}

/** Compare two submitted versions, or a version with the working copy ("draft", the unit only). */
export async function diffVersions(db: Db, actor: Actor | null, reportId: number, from: number, to: number | 'draft') {
  const { report, schedule, definition } = await loadContext(db, reportId);
  const view = await authorizeSee(db, actor, schedule, report);
  const a = await repo.findVersion(db, reportId, from);
  if (!a) throw new NotFoundError('report_version', `${reportId}/${from}`);
  let b: { values: Values; sourced: Record<string, SourcedFigure>; narrative: Narrative; formVersionId: number };
  if (to === 'draft') {
    if (view !== 'working') throw invalidField('to', 'chỉ đơn vị báo cáo mới xem được bản đang soạn', 'only the reporting unit may see its working copy');
    b = { values: JSON.parse(report.values_json), sourced: {}, narrative: JSON.parse(report.narrative_json), formVersionId: report.form_version_id };
  } else {
    const v = await repo.findVersion(db, reportId, to);
    if (!v) throw new NotFoundError('report_version', `${reportId}/${to}`);
    b = { values: JSON.parse(v.values_json), sourced: JSON.parse(v.sources_json), narrative: JSON.parse(v.narrative_json), formVersionId: v.form_version_id };
  }
  const defA = (await forms.definitionOfVersion(db, a.form_version_id)).definition;
  const defB = b.formVersionId === report.form_version_id ? definition : (await forms.definitionOfVersion(db, b.formVersionId)).definition;
  const valuesA = mergedValues(JSON.parse(a.values_json), JSON.parse(a.sources_json));
  const valuesB = mergedValues(b.values, b.sourced);
  const names = new Map([...defA.indicators, ...defB.indicators].map((i) => [i.code, i.name]));
  const codes = [...new Set([...defB.indicators.map((i) => i.code), ...defA.indicators.map((i) => i.code)])];
  const narrativeA = JSON.parse(a.narrative_json) as Narrative;
  const sections = [...new Map([...defB.sections, ...defA.sections].map((s) => [s.code, s])).values()];
  return {
    from: String(from),
    to: String(to),
    values: codes.filter((c) => JSON.stringify(display(valuesA[c])) !== JSON.stringify(display(valuesB[c])))
      .map((code) => ({ code, name: names.get(code) ?? code, before: display(valuesA[code]), after: display(valuesB[code]) })),
    sections: sections.map((s) => {
      const before = narrativeA[s.code] ?? '';
      const after = b.narrative[s.code] ?? '';
      return { code: s.code, title: s.title, changed: before !== after, parts: diffText(before, after) };
    }),
  };
}

