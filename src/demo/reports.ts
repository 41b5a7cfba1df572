/**
 * The reporting part of the demo: the city's 2021 plan for Directive 05-CT/TW asks the district
 * and affiliated committees to report every six months and every year to Ban Tuyên giáo, which
 * consolidates for the Standing Committee; wards of three districts report to their district, so
 * the chain has three levels. Most reports come on time; some late; Bạch Long Vĩ never reports;
 * Ngô Quyền's half-year report is returned and resubmitted; An Dương's figures are inflated and
 * get flagged. Lê Chân's yearly report is left as a draft for a demo user to submit.
 * Everything goes through the services; only the dates are set back to 2021 afterwards.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../core/dates';
import type { Values } from '../core/report-form';
import type { Database } from '../db/schema';
import * as orgsRepo from '../modules/orgs/orgs.repository';
import * as forms from '../modules/report-forms/report-forms.service';
import * as schedules from '../modules/report-schedules/report-schedules.service';
import * as review from '../modules/reports/reports.review';
import * as reports from '../modules/reports/reports.service';
import type { DemoContext } from './context';
import { DEMO_FORM, figuresFor, narrativeFor, seeded, type UnitSize } from './report-figures';

type Db = Kysely<Database>;

const DISTRICTS = ['303', '304', '305', '306', '307', '308', '309', '311', '312', '313', '314', '315', '316', '317', '318'];
const AFFILIATED = ['DUTT-KCQ', 'DUTT-KDN', 'DUTT-QS', 'DUTT-CA', 'DUTT-BDBP'];
/** Districts whose wards report to them (three-level chain). */
const WITH_WARDS = ['DU-304', 'DU-305', 'DU-308'];

interface Plan {
  /** Day of first submission, or null when the report is not sent. */
  submitted: string | null;
  returned?: { on: string; comment: string; resubmitted: string };
  /** Accepted on this day; undefined leaves the report awaiting review. */
  accepted?: string;
  draftOnly?: boolean;
  sessionsPerCell?: number;
}

/** Set the dates a 2021 report would have had (services stamp the time of loading). */
async function backdate(db: Db, reportId: number, p: Plan): Promise<void> {
  const at = (day: string, hour = 9) => `${day}T0${hour}:30:00.000Z`;
  if (!p.submitted) return;
  const last = p.returned?.resubmitted ?? p.submitted;
  await db.updateTable('reports').set({
    first_submitted_at: at(p.submitted), submitted_at: at(last), created_at: at(addDays(p.submitted, -6)),
    decided_at: p.accepted ? at(p.accepted, 3) : p.returned ? at(p.returned.on, 3) : null,
  }).where('id', '=', reportId).execute();
  await db.updateTable('report_versions').set({ submitted_at: at(p.submitted) }).where('report_id', '=', reportId).where('seq', '=', 1).execute();
  if (p.returned) await db.updateTable('report_versions').set({ submitted_at: at(p.returned.resubmitted) }).where('report_id', '=', reportId).where('seq', '=', 2).execute();
  const events = await db.selectFrom('report_events').select(['id', 'action']).where('report_id', '=', reportId).orderBy('id').execute();
  const days: Record<string, string[]> = {
    created: [at(addDays(p.submitted, -6))],
    submitted: [at(p.submitted), ...(p.returned ? [at(p.returned.resubmitted)] : [])],
    returned: p.returned ? [at(p.returned.on, 3)] : [],
    accepted: p.accepted ? [at(p.accepted, 3)] : [],
  };
  for (const e of events) {
    const next = days[e.action]?.shift();
    if (next) await db.updateTable('report_events').set({ at: next }).where('id', '=', e.id).execute();
  }
}

async function file(db: Db, ctx: DemoContext, scheduleId: number, period: string, unitCode: string, unitName: string, size: UnitSize, plan: Plan): Promise<number> {
  const unitId = ctx.unit(unitCode);
  const { id } = await reports.openReport(db, ctx.actor, { scheduleId, period, unitId });
  const values: Values = figuresFor(unitCode, period, size, { sessionsPerCell: plan.sessionsPerCell, small: size.communes === 1 });
  const narrative = narrativeFor(unitName, unitCode, period, values);
  await reports.saveDraft(db, ctx.actor, id, { version: 1, values, narrative });
  if (plan.draftOnly || !plan.submitted) return id;
  await reports.submit(db, ctx.actor, id, 2);
  if (plan.returned) {
    await review.returnReport(db, ctx.actor, id, plan.returned.comment);
    const fixed = { ...values, chi_bo_chuyen_de: Number(values.chi_bo) };
    await reports.saveDraft(db, ctx.actor, id, { version: 4, values: fixed, narrative: { ...narrative, results: `${narrative.results}\nĐã bổ sung số liệu sinh hoạt chuyên đề của các chi bộ trực thuộc.` } });
    await reports.submit(db, ctx.actor, id, 5);
  }
  if (plan.accepted) await review.accept(db, ctx.actor, id, undefined);
  await backdate(db, id, plan);
  return id;
}

async function wardsOf(db: Db, ctx: DemoContext, districtCode: string, day: string) {
  const children = await orgsRepo.activeChildren(db, ctx.unit(districtCode), day, 'party');
  const out: Array<{ id: number; code: string; name: string }> = [];
  for (const c of children) {
    const unit = await orgsRepo.findUnit(db, c.unitId, day);
    if (unit?.kind === 'dang_uy_xa_phuong') out.push({ id: unit.id, code: unit.code, name: unit.name });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

function sizeOf(code: string, kind: 'ward' | 'district' | 'district_with_wards' | 'affiliated', wards: number): UnitSize {
  const r = seeded(`${code}:size`);
  const between = (lo: number, hi: number) => Math.round(lo + (hi - lo) * r());
  if (kind === 'ward') {
    const cells = between(9, 16);
    return { communes: 1, cells, members: cells * between(20, 32) };
  }
  if (kind === 'district_with_wards') {
    const cells = between(4, 10);
    return { communes: 0, cells, members: cells * between(20, 30) };
  }
  if (kind === 'affiliated') {
    const cells = between(40, 160);
    return { communes: 0, cells, members: cells * between(22, 40) };
  }
  const cells = wards * between(9, 16);
  return { communes: wards, cells, members: cells * between(20, 32) };
}

export async function loadDemoReports(db: Db, ctx: DemoContext): Promise<void> {
  const a = ctx.actor;
  const h1End = '2021-06-14';
  const wardLists = new Map<string, Awaited<ReturnType<typeof wardsOf>>>();
  for (const d of WITH_WARDS) wardLists.set(d, await wardsOf(db, ctx, d, h1End));
  const form = await forms.createForm(db, a, {
    code: 'BC-CT05', name: 'Báo cáo kết quả thực hiện Chỉ thị 05-CT/TW', ownerUnitId: ctx.unit('TU-HP-BTG'), definition: DEMO_FORM,
    description: 'Biểu báo cáo định kỳ 6 tháng, năm về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  });
  const scope = {
    kinds: ['quan_uy', 'huyen_uy', 'dang_uy_truc_thuoc'], maxDepth: 1,
    includeUnitIds: [...wardLists.values()].flat().map((w) => w.id), excludeUnitIds: [],
  };
  // The schedules measure the city's 2021 plan for Directive 05-CT/TW (the plans part of the demo).
  const cityPlan = await db.selectFrom('plans').select('id').where('issuer_unit_id', '=', ctx.unit('TU-HP')).where('parent_plan_id', 'is', null)
    .where('year', '=', 2021).where('status', '!=', 'draft').orderBy('id').executeTakeFirst();
  const common = { formId: form.id, planId: cityPlan?.id ?? null, unitId: ctx.unit('TU-HP'), recipientUnitId: ctx.unit('TU-HP-BTG'), hierarchy: 'party', cutoff: 'decree09' as const, scope, reminderDays: [7, 3, 1], active: true };
  const half = await schedules.createSchedule(db, a, { ...common, name: 'Báo cáo 6 tháng đầu năm 2021 thực hiện Chỉ thị 05-CT/TW', periodType: 'half', dueOffsetDays: 5, firstPeriod: '2021-H1', lastPeriod: '2021-H1' });
  const year = await schedules.createSchedule(db, a, { ...common, name: 'Báo cáo năm 2021 thực hiện Chỉ thị 05-CT/TW', periodType: 'year', dueOffsetDays: 10, firstPeriod: '2021', lastPeriod: '2021' });

  const names = new Map<string, string>();
  for (const code of [...DISTRICTS.map((d) => `DU-${d}`), ...AFFILIATED]) names.set(code, (await orgsRepo.findUnit(db, ctx.unit(code), h1End))!.name);

  for (const [schedule, period, due] of [[half, '2021-H1', '2021-06-19'], [year, '2021', '2021-12-24']] as const) {
    const isYear = period === '2021';
    // Wards first: their districts review them before compiling their own reports.
    for (const [district, wards] of wardLists) {
      for (const [i, w] of wards.entries()) {
        const late = district === 'DU-308' && i === 0 && !isYear;
        const submitted = addDays(due, late ? 2 : -8 + (i % 4));
        const id = await file(db, ctx, schedule.id, period, w.code, w.name, sizeOf(w.code, 'ward', 1), { submitted, accepted: addDays(submitted, 1) });
        if (i === 1) await review.addHighlight(db, a, id, { section: 'results', paragraph: 2, note: 'Mô hình hay, đề nghị nhân rộng' });
      }
    }
    for (const code of [...DISTRICTS.map((d) => `DU-${d}`), ...AFFILIATED]) {
      const r = seeded(`${code}:${period}:when`);
      const wards = wardLists.get(code);
      const kind = wards ? 'district_with_wards' : code.startsWith('DUTT') ? 'affiliated' : 'district';
      const wardCount = kind === 'district' ? (await wardsOf(db, ctx, code, h1End)).length : 0;
      let plan: Plan = { submitted: addDays(due, -Math.floor(r() * 5)), accepted: addDays(due, 2 + Math.floor(r() * 3)) };
      if (code === 'DU-318') plan = { submitted: null };
      else if (!isYear && ['DU-313', 'DU-316', 'DUTT-QS'].includes(code)) plan = { submitted: addDays(due, 3 + Math.floor(r() * 6)), accepted: addDays(due, 10) };
      else if (!isYear && code === 'DU-304') {
        plan = { submitted: addDays(due, -2), returned: { on: addDays(due, 2), comment: 'Đề nghị bổ sung số liệu sinh hoạt chuyên đề của các chi bộ trực thuộc và làm rõ số vấn đề đã giải quyết dứt điểm.', resubmitted: addDays(due, 5) }, accepted: addDays(due, 6) };
      } else if (isYear && code === 'DU-305') plan = { submitted: null, draftOnly: true };
      else if (isYear && code === 'DU-304') plan = { submitted: addDays(due, -1) };
      if (code === 'DU-312') plan = { ...plan, sessionsPerCell: isYear ? 17 : 9, ...(isYear ? { accepted: undefined } : {}) };
      await file(db, ctx, schedule.id, period, code, names.get(code)!, sizeOf(code, kind, wardCount), plan);
    }
  }
  ctx.log(`Báo cáo 6 tháng và năm 2021: 1 biểu mẫu, 2 lịch báo cáo, ${DISTRICTS.length + AFFILIATED.length} cấp ủy trực thuộc và ${[...wardLists.values()].flat().length} đảng ủy phường báo cáo`);
}
