/**
 * The compiled narrative: for each section of the form, what the units below wrote, each excerpt
 * attributed to its unit. Paragraphs that reviewers below marked as highlights come first (from
 * any depth of the subtree), then the direct subordinates' sections. The unit edits this into
 * its own text; nothing here is written back automatically.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import type { FormDefinition, Narrative } from '../../core/report-form';
import { paragraphs } from '../../core/text-diff';
import type { Database } from '../../db/schema';
import type { ScheduleRow } from '../report-schedules/report-schedules.service';
import { reportingStructure, type ReportingStructure } from '../report-schedules/report-schedules.structure';
import { authorizeSee } from './reports.access';
import type { ReportStatus } from './reports.contract';
import * as repo from './reports.repository';
import { loadContext } from './reports.service';

type Db = Kysely<Database>;

export interface Excerpt {
  reportId: number;
  unitId: number;
  unitName: string;
  depth: number;
  paragraph: number;
  text: string;
  highlighted: boolean;
  note: string | null;
  status: ReportStatus;
}

export interface CompiledNarrative {
  sections: Array<{ code: string; title: string; excerpts: Excerpt[]; text: string }>;
  pending: Array<{ unitId: number; unitName: string; status: string }>;
}

/** Units in the reporting chain below `unitId`, with their distance in the chain. */
function chainBelow(structure: ReportingStructure, unitId: number): Map<number, number> {
  const out = new Map<number, number>();
  const isRoot = unitId === structure.rootId;
  for (const u of structure.units) {
    let depth = 1;
    let parent = u.parentReporterId;
    while (parent !== null && parent !== unitId) {
      depth += 1;
      parent = structure.byId.get(parent)?.parentReporterId ?? null;
    }
    if (parent === unitId || (isRoot && parent === null)) out.set(u.unitId, depth);
  }
  return out;
}

function compiledText(excerpts: Excerpt[]): string {
  return excerpts.map((e) => `- ${e.unitName}${e.status === 'accepted' ? '' : ' (chưa tiếp nhận)'}: ${e.text}`).join('\n');
}

export async function compileNarrative(db: Db, schedule: ScheduleRow, periodKey: string, unitId: number, def: FormDefinition): Promise<CompiledNarrative> {
  const structure = await reportingStructure(db, schedule, periodKey, { within: unitId });
  const below = chainBelow(structure, unitId);
  const reports = (await repo.listReports(db, { scheduleId: schedule.id, periodKey, unitIds: [...below.keys()], limit: 1_000_000 }))
    .filter((r) => r.status === 'submitted' || r.status === 'accepted');
  const snapshots = await repo.latestVersions(db, reports.map((r) => r.id));
  const highlights = await repo.highlightsOf(db, reports.map((r) => r.id));
  const names = await repo.unitNamesLatest(db, reports.map((r) => r.unit_id));
  const sections: CompiledNarrative['sections'] = [];
  for (const section of def.sections) {
    const marked: Excerpt[] = [];
    const rest: Excerpt[] = [];
    for (const r of reports) {
      const snap = snapshots.get(r.id);
      if (!snap) continue;
      const text = (JSON.parse(snap.narrative_json) as Narrative)[section.code] ?? '';
      const paras = paragraphs(text);
      if (paras.length === 0) continue;
      const depth = below.get(r.unit_id)!;
      const base = { reportId: r.id, unitId: r.unit_id, unitName: names.get(r.unit_id) ?? `#${r.unit_id}`, depth, status: r.status as ReportStatus };
      const mine = highlights.filter((h) => h.report_id === r.id && h.section_code === section.code);
      const whole = mine.find((h) => h.paragraph === -1);
      const markedParas = new Set(mine.map((h) => h.paragraph));
      if (whole) marked.push({ ...base, paragraph: -1, text: paras.join('\n'), highlighted: true, note: whole.note });
      else {
        for (const h of mine) {
          if (paras[h.paragraph] !== undefined) marked.push({ ...base, paragraph: h.paragraph, text: paras[h.paragraph], highlighted: true, note: h.note });
        }
      }
      if (depth === 1 && !whole) {
        const remaining = paras.filter((_, i) => !markedParas.has(i));
        if (remaining.length) rest.push({ ...base, paragraph: -1, text: remaining.join('\n'), highlighted: false, note: null });
      }
    }
    const byUnit = (a: Excerpt, b: Excerpt) => a.depth - b.depth || a.unitName.localeCompare(b.unitName, 'vi') || a.paragraph - b.paragraph;
    const excerpts = [...marked.sort(byUnit), ...rest.sort(byUnit)];
    sections.push({ code: section.code, title: section.title, excerpts, text: compiledText(excerpts) });
  }
  const direct = [...below].filter(([, d]) => d === 1).map(([id]) => id);
  const byUnit = new Map((await repo.listReports(db, { scheduleId: schedule.id, periodKey, unitIds: direct, limit: 100_000 })).map((r) => [r.unit_id, r.status]));
  const pendingNames = await repo.unitNamesLatest(db, direct);
  const pending = direct.filter((id) => byUnit.get(id) !== 'accepted')
    .map((id) => ({ unitId: id, unitName: pendingNames.get(id) ?? `#${id}`, status: byUnit.get(id) ?? 'missing' }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  return { sections, pending };
}

export async function getCompiled(db: Db, actor: Actor | null, reportId: number): Promise<CompiledNarrative> {
  const { report, schedule, definition } = await loadContext(db, reportId);
  await authorizeSee(db, actor, schedule, report);
  return compileNarrative(db, schedule, report.period_key, report.unit_id, definition);
}
