/**
 * Accounts and a plan body for the plans, registrations and events tests, over the small fixture
 * tree (src/test/fixtures.ts). Dates are relative to today so the tests hold on any day.
 */
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../core/actor';
import { addDays, todayVn } from '../core/dates';
import { relationsFor, type Action, type Relation } from '../core/permissions';
import type { Database } from '../db/schema';
import type { CatalogEntry } from './catalog-entry';
import type { CatalogFixtures, Me } from './catalog-fixtures';
import { makeUser, type Tree } from './fixtures';

export const TODAY = todayVn();
export const YEAR = Number(TODAY.slice(0, 4));
export const daysAgo = (n: number) => addDays(TODAY, -n);

/** username → role @ unit, one account per role the tests need. */
export async function makePlanUsers(db: Kysely<Database>, tree: Tree): Promise<void> {
  await makeUser(db, 'lanhdao', tree.city, [{ role: 'leader', unitId: tree.city }]);
  await makeUser(db, 'quantri', tree.city, [{ role: 'admin', unitId: tree.city }]);
  await makeUser(db, 'dieuphoi', tree.city, [{ role: 'coordinator', unitId: tree.city }]);
  await makeUser(db, 'tuyengiao', tree.propaganda, [{ role: 'coordinator', unitId: tree.propaganda }]);
  await makeUser(db, 'xem', tree.city, [{ role: 'viewer', unitId: tree.city }]);
  await makeUser(db, 'kiemtra', tree.city, [{ role: 'inspector', unitId: tree.city }]);
  await makeUser(db, 'qa', tree.districtA, [{ role: 'reporter', unitId: tree.districtA }]);
  await makeUser(db, 'qalead', tree.districtA, [{ role: 'leader', unitId: tree.districtA }]);
  await makeUser(db, 'qb', tree.districtB, [{ role: 'reporter', unitId: tree.districtB }]);
  await makeUser(db, 'qblead', tree.districtB, [{ role: 'leader', unitId: tree.districtB }]);
  await makeUser(db, 'pa', tree.wardA1, [{ role: 'reporter', unitId: tree.wardA1 }]);
  await makeUser(db, 'palead', tree.wardA1, [{ role: 'leader', unitId: tree.wardA1 }]);
  await makeUser(db, 'khac', tree.otherProvince, [{ role: 'leader', unitId: tree.otherProvince }]);
}

/** A city plan with two task groups; district A and B must concretize it. */
export function cityPlanBody(tree: Tree, overrides: Record<string, unknown> = {}) {
  return {
    issuerUnitId: tree.city,
    title: `Kế hoạch thực hiện Chỉ thị số 05-CT/TW năm ${YEAR}`,
    issuingBody: 'Ban Thường vụ Thành ủy',
    year: YEAR,
    place: 'Hải Phòng',
    purposes: ['Tiếp tục thực hiện có hiệu quả Chỉ thị số 05-CT/TW.'],
    requirements: ['Gắn với thực hiện nhiệm vụ chính trị của địa phương.'],
    implementation: [{ responsible: 'Ban Tuyên giáo Thành ủy', unitIds: [tree.propaganda], duties: 'Tham mưu, hướng dẫn, tổng hợp.' }],
    requiredUnitIds: [tree.districtA, tree.districtB],
    concretizeDueOn: daysAgo(5),
    signerCapacity: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'BÍ THƯ',
    signerName: 'Nguyễn Văn A',
    recipients: ['Ban Bí thư Trung ương Đảng', 'Các quận ủy, huyện ủy', 'Lưu Văn phòng Thành ủy'],
    taskGroups: [
      {
        title: 'Đưa nội dung học tập vào chương trình hành động',
        tasks: [
          { title: 'Xây dựng chuyên đề toàn khóa', leadUnitId: tree.propaganda, coordinatingUnitIds: [tree.districtA, tree.districtB], dueOn: `${YEAR}-12-31` },
          { title: 'Hướng dẫn sinh hoạt chuyên đề', leadUnitId: tree.propaganda, milestoneOn: `${YEAR}-06-30` },
        ],
      },
      { title: 'Kiểm tra, giám sát', tasks: [{ title: 'Kiểm tra việc thực hiện tại các quận ủy', leadUnitId: tree.city }] },
    ],
    ...overrides,
  };
}

/** A tiny but real PDF (file-type recognises it by its bytes). */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** A multipart/form-data body with the given files under one field, for `app.inject`. */
export function multipart(field: string, files: Array<{ name: string; bytes: Buffer; type?: string }>) {
  const boundary = `----lamtheo${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The fuzzer sends every request as a user holding every role at the two roots of the tree, and
 * by default aims it at district A (a unit below its grant). Actions a unit does only for itself
 * (drafting, issuing, reporting, reviewing what was registered with it) would then be refused
 * before any input is read: aim those requests at the fuzzer's own unit instead.
 */
export function fuzzAtOwnUnit(entries: CatalogEntry[]): CatalogEntry[] {
  return entries.map((entry) => {
    const probe = entry.probes[0];
    if (entry.fuzz || probe.kind !== 'unit' || relationsForAny(probe.action).includes('descendant')) return entry;
    return { ...entry, fuzzOutcome: 'success', fuzz: (fx, me) => probe.request(fx, { target: me.unitId, grantUnit: me.unitId, relation: 'self' }) };
  });
}

/** Relations under which some role may do the action. */
function relationsForAny(action: Action): Relation[] {
  return [...new Set(ROLES.flatMap((role) => [...relationsFor(role, action)]))];
}

/** A unit below the fuzzer's own, where it also holds `role` (for actions that need a unit above the target). */
export async function fuzzChildUnit(fx: CatalogFixtures, me: Me, role: Role): Promise<number> {
  const unit = await fx.cached(`fuzz-child@${me.unitId}`, () => fx.freshUnit(me.unitId));
  await fx.grantOf(me.userId, unit, role);
  return unit;
}
