/**
 * Reporting fixtures over the small test tree: a form (with a record-sourced indicator and rules),
 * a six-monthly schedule of the city received by its propaganda department (Decree 09 cut-off),
 * and the people of the chain. Created through the services, like real data.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_CLI } from '../core/actor';
import type { FormDefinition } from '../core/report-form';
import type { Database } from '../db/schema';
import * as forms from '../modules/report-forms/report-forms.service';
import * as schedules from '../modules/report-schedules/report-schedules.service';
import { makeUser, type Tree } from './fixtures';

export const TEST_FORM: FormDefinition = {
  indicators: [
    { code: 'members', name: 'Tổng số đảng viên', type: 'integer', unit: 'đảng viên', aggregation: 'sum', required: true, min: 0 },
    { code: 'attending', name: 'Số đảng viên tham gia học tập chuyên đề', type: 'integer', unit: 'đảng viên', aggregation: 'sum', min: 0 },
    { code: 'cells', name: 'Số chi bộ', type: 'integer', unit: 'chi bộ', aggregation: 'sum', source: { key: 'orgs.units_of_kind', params: { kinds: ['chi_bo'] } } },
    { code: 'sessions', name: 'Số buổi sinh hoạt chuyên đề', type: 'integer', unit: 'buổi', aggregation: 'sum', min: 0 },
    { code: 'satisfaction', name: 'Tỷ lệ đảng viên đánh giá tốt', type: 'percent', unit: '%', aggregation: 'weighted_avg', weightBy: 'members' },
    { code: 'has_model', name: 'Có mô hình mới, cách làm sáng tạo', type: 'boolean', aggregation: 'count_yes' },
    { code: 'rating', name: 'Tự đánh giá', type: 'choice', aggregation: 'none', choices: ['Tốt', 'Khá', 'Trung bình'] },
  ],
  sections: [
    { code: 'results', title: 'Kết quả đạt được', required: true },
    { code: 'limitations', title: 'Hạn chế, nguyên nhân' },
    { code: 'proposals', title: 'Đề xuất, kiến nghị' },
  ],
  rules: [
    { code: 'attending_le_members', left: 'attending', op: '<=', right: { indicator: 'members' }, severity: 'hard' },
    { code: 'attending_half', left: 'attending', op: '>=', right: { indicator: 'members', factor: 0.5 }, severity: 'soft', message: 'tỷ lệ tham gia dưới một nửa' },
  ],
};

export interface ReportingSetup {
  formId: number;
  scheduleId: number;
  users: Record<'city' | 'btg' | 'qa' | 'qaLead' | 'pa1' | 'qb' | 'pb1' | 'viewer' | 'qbViewer', number>;
}

export async function seedReporting(db: Kysely<Database>, tree: Tree): Promise<ReportingSetup> {
  const form = await forms.createForm(db, SYSTEM_CLI, { code: 'BC-05', name: 'Báo cáo kết quả thực hiện Chỉ thị 05-CT/TW', ownerUnitId: tree.propaganda, definition: TEST_FORM });
  const schedule = await schedules.createSchedule(db, SYSTEM_CLI, {
    name: 'Báo cáo 6 tháng thực hiện Chỉ thị 05', formId: form.id, unitId: tree.city, recipientUnitId: tree.propaganda, hierarchy: 'party',
    periodType: 'half', cutoff: 'decree09', dueOffsetDays: 5, firstPeriod: '2021-H1', lastPeriod: '2022-H2',
    scope: { kinds: ['quan_uy', 'dang_uy_xa_phuong'], maxDepth: null, includeUnitIds: [], excludeUnitIds: [] }, reminderDays: [7, 3, 1], active: true,
  });
  const users = {
    city: await makeUser(db, 'lanhdao-tu', tree.city, [{ role: 'leader', unitId: tree.city }]),
    btg: await makeUser(db, 'tuyengiao-tu', tree.propaganda, [{ role: 'coordinator', unitId: tree.propaganda }]),
    qa: await makeUser(db, 'baocao-qa', tree.districtA, [{ role: 'reporter', unitId: tree.districtA }]),
    qaLead: await makeUser(db, 'lanhdao-qa', tree.districtA, [{ role: 'leader', unitId: tree.districtA }]),
    pa1: await makeUser(db, 'baocao-pa1', tree.wardA1, [{ role: 'reporter', unitId: tree.wardA1 }]),
    qb: await makeUser(db, 'baocao-qb', tree.districtB, [{ role: 'reporter', unitId: tree.districtB }]),
    pb1: await makeUser(db, 'baocao-pb1', tree.wardB1, [{ role: 'reporter', unitId: tree.wardB1 }]),
    viewer: await makeUser(db, 'xem-tu', tree.city, [{ role: 'viewer', unitId: tree.city }]),
    qbViewer: await makeUser(db, 'xem-qb', tree.districtB, [{ role: 'viewer', unitId: tree.districtB }]),
  };
  return { formId: form.id, scheduleId: schedule.id, users };
}

/** A multipart/form-data body with one file field, for upload routes. */
export function multipartFile(field: string, filename: string, content: Buffer) {
  const boundary = `----lamtheo${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
