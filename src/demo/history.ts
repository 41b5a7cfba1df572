/**
 * Hai Phong's restructuring from 2021 to mid-2025, applied through the same service functions a
 * user would call (renameUnit, moveUnit, mergeUnits, dissolveUnit), in date order, so history,
 * closure and lineage are exactly what real use produces. See admin-units.ts for what the source
 * data let us derive and what we decided where they are silent.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { bulkCreateUnits } from '../modules/orgs/orgs.bulk';
import * as orgs from '../modules/orgs/orgs.service';
import * as orgsRepo from '../modules/orgs/orgs.repository';
import type { AdminData } from './admin-units';
import type { DemoContext } from './context';
import { build2025, commune2025Code, communeCode, communeCommittee, districtCode } from './orgs-2021';

export const INTERIM_DATE = '2025-01-01';
export const MERGER_DATE = '2025-07-01';

const NOTE_INTERIM = 'Sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023–2025 (hiệu lực 01/01/2025)';
const NOTE_MERGER = 'Hợp nhất tỉnh Hải Dương vào thành phố Hải Phòng; bỏ cấp huyện, tổ chức chính quyền địa phương hai cấp (hiệu lực 01/07/2025)';

export async function applyHistory(db: Kysely<Database>, ctx: DemoContext, data: AdminData): Promise<void> {
  await interimArrangement(db, ctx, data);
  await merger(db, ctx, data);
}

/** 1/1/2025: Thủy Nguyên becomes a city and An Dương an urban district; communes are rearranged. */
async function interimArrangement(db: Kysely<Database>, ctx: DemoContext, data: AdminData): Promise<void> {
  const date = INTERIM_DATE;
  const a = ctx.actor;
  const r = data.restructuring;
  await orgs.renameUnit(db, a, ctx.unit('DU-311'), { name: 'Thành ủy Thủy Nguyên', kind: 'quan_uy', effectiveDate: date, note: `${NOTE_INTERIM}: thành lập thành phố Thủy Nguyên` });
  await orgs.renameUnit(db, a, ctx.unit('DU-312'), { name: 'Quận ủy An Dương', kind: 'quan_uy', effectiveDate: date, note: `${NOTE_INTERIM}: thành lập quận An Dương` });
  for (const m of r.moved) {
    await orgs.moveUnit(db, a, ctx.unit(communeCode(m.code)), { hierarchy: 'party', parentId: ctx.unit(districtCode(m.district)), effectiveDate: date, note: NOTE_INTERIM });
  }
  for (const m of r.absorbed) {
    await orgs.mergeUnits(db, a, { sourceIds: [ctx.unit(communeCode(m.code))], into: { unitId: ctx.unit(communeCode(m.into)) }, effectiveDate: date, note: NOTE_INTERIM });
  }
  for (const m of r.renamed) {
    await orgs.renameUnit(db, a, ctx.unit(communeCode(m.code)), { name: communeCommittee(m), effectiveDate: date, note: NOTE_INTERIM });
  }
  for (const code of r.vanished) {
    const commune = data.communes2021.find((c) => c.code === code)!;
    const district = ctx.unit(districtCode(commune.district));
    const unitId = ctx.unit(communeCode(code));
    const children = await orgsRepo.activeChildren(db, unitId, date);
    await orgs.dissolveUnit(db, a, unitId, {
      effectiveDate: date, successorId: district, ...(children.length ? { childrenTo: district } : {}),
      note: `${NOTE_INTERIM}; nguồn dữ liệu không ghi đơn vị tiếp nhận, giao cấp ủy cấp huyện theo dõi`,
    });
  }
  ctx.log(`  01/01/2025: 2 cấp ủy cấp huyện đổi tên, ${r.moved.length} chuyển quận, ${r.absorbed.length} sáp nhập, ${r.renamed.length} đổi tên, ${r.vanished.length} giải thể`);
}

/** 1/7/2025: two departments merge; Hai Duong joins Hai Phong; communes merge; the district level ends. */
async function merger(db: Kysely<Database>, ctx: DemoContext, data: AdminData): Promise<void> {
  const date = MERGER_DATE;
  const a = ctx.actor;
  const btgdv = await orgs.mergeUnits(db, a, {
    sourceIds: [ctx.unit('TU-HP-BTG'), ctx.unit('TU-HP-BDV')],
    into: { newUnit: { code: 'TU-HP-BTGDV', name: 'Ban Tuyên giáo và Dân vận Thành ủy', shortName: 'BTGDV', kind: 'ban_tham_muu', parentId: ctx.unit('TU-HP') } },
    effectiveDate: date, note: 'Hợp nhất Ban Tuyên giáo và Ban Dân vận Thành ủy',
  });
  ctx.unitIds.set('TU-HP-BTGDV', btgdv.created[0].id);

  const created = await bulkCreateUnits(db, a, build2025(data, date), { source: 'demo' });
  for (const u of created.created) ctx.unitIds.set(u.code, u.id);

  const districtCodes = new Set(data.districts.map((d) => d.code));
  const absorbedDistricts = new Set<string>();
  for (const commune of data.communes2025) {
    const sources = data.restructuring.sources.get(commune.code) ?? [];
    const sourceIds = sources.map((s) => {
      if (!districtCodes.has(s)) return ctx.unit(communeCode(s));
      absorbedDistricts.add(s);
      return ctx.unit(districtCode(s));
    });
    if (sourceIds.length === 0) continue;
    await orgs.mergeUnits(db, a, { sourceIds, into: { unitId: ctx.unit(commune2025Code(commune.code)) }, effectiveDate: date, note: NOTE_MERGER });
  }
  const tuHp = ctx.unit('TU-HP');
  for (const d of data.districts) {
    if (absorbedDistricts.has(d.code)) continue;
    const unitId = ctx.unit(districtCode(d.code));
    const children = await orgsRepo.activeChildren(db, unitId, date);
    await orgs.dissolveUnit(db, a, unitId, {
      effectiveDate: date, successorId: tuHp, ...(children.length ? { childrenTo: tuHp } : {}),
      note: `${NOTE_MERGER}; nhiệm vụ chuyển về Thành ủy và các đảng ủy xã, phường, đặc khu`,
    });
  }
  await orgs.mergeUnits(db, a, { sourceIds: [ctx.unit('TU-HD')], into: { unitId: tuHp }, effectiveDate: date, note: NOTE_MERGER });
  ctx.log(`  01/07/2025: ${data.communes2025.length} đảng ủy xã, phường, đặc khu mới; ${data.districts.length} cấp ủy cấp huyện kết thúc; Tỉnh ủy Hải Dương hợp nhất vào Thành ủy Hải Phòng`);
}
