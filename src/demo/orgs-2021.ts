/**
 * The party organization of Hai Phong (and, as a second root, Hai Duong) as it stood in 2021,
 * after the city party congresses of October 2020, as one batch for bulk creation. Districts and
 * communes are the real 2021 units (GSO list); the party cells are a small illustrative sample.
 */
import type { BulkUnitInput } from '../modules/orgs/orgs.bulk';
import type { AdminData, Commune, District } from './admin-units';
import { PROVINCES } from './admin-units';

/** The demo's 2021 structure is in force from the start of the 2020–2025 term. */
export const TERM_START = '2020-10-01';

export const districtCode = (gso: string) => `DU-${gso}`;
export const communeCode = (gso: string) => `XP-${gso}`;
export const commune2025Code = (gso: string) => `XP25-${gso}`;

const DISTRICT_COMMITTEE: Record<District['type'], { prefix: string; kind: string }> = {
  quan: { prefix: 'Quận ủy', kind: 'quan_uy' },
  'thi-xa': { prefix: 'Thị ủy', kind: 'quan_uy' },
  'thanh-pho': { prefix: 'Thành ủy', kind: 'quan_uy' },
  huyen: { prefix: 'Huyện ủy', kind: 'huyen_uy' },
};

const COMMUNE_WORD: Record<Commune['type'], string> = { phuong: 'phường', xa: 'xã', 'thi-tran': 'thị trấn', 'dac-khu': 'đặc khu' };

export function districtCommittee(d: Pick<District, 'type' | 'name'>): { name: string; kind: string } {
  const { prefix, kind } = DISTRICT_COMMITTEE[d.type];
  return { name: `${prefix} ${d.name}`, kind };
}

/** "Đảng ủy phường Cát Dài", "Đảng ủy đặc khu Bạch Long Vĩ" */
export function communeCommittee(c: Pick<Commune, 'type' | 'name'>): string {
  return `Đảng ủy ${COMMUNE_WORD[c.type]} ${c.name}`;
}

/** The commune of Lê Chân whose party committee the school's cell belongs to in the demo (illustrative). */
export const SCHOOL_WARD = '11404';

type Unit = BulkUnitInput;
const party = (code: string, name: string, kind: string, parent: string | null, shortName?: string): Unit =>
  ({ code, name, kind, shortName: shortName ?? null, validFrom: TERM_START, parents: { party: parent } });

export function build2021(data: AdminData): Unit[] {
  const units: Unit[] = [
    party('TU-HP', 'Thành ủy Hải Phòng', 'thanh_uy', null, 'Thành ủy HP'),
    party('TU-HP-BTV', 'Ban Thường vụ Thành ủy', 'ban_thuong_vu', 'TU-HP', 'BTV Thành ủy'),
    party('TU-HP-VP', 'Văn phòng Thành ủy', 'ban_tham_muu', 'TU-HP', 'VPTU'),
    party('TU-HP-BTC', 'Ban Tổ chức Thành ủy', 'ban_tham_muu', 'TU-HP', 'BTC'),
    party('TU-HP-UBKT', 'Ủy ban Kiểm tra Thành ủy', 'ban_tham_muu', 'TU-HP', 'UBKT'),
    party('TU-HP-BTG', 'Ban Tuyên giáo Thành ủy', 'ban_tham_muu', 'TU-HP', 'BTG'),
    party('TU-HP-BDV', 'Ban Dân vận Thành ủy', 'ban_tham_muu', 'TU-HP', 'BDV'),
    party('TU-HP-BNC', 'Ban Nội chính Thành ủy', 'ban_tham_muu', 'TU-HP', 'BNC'),
    party('TU-HP-BCSD', 'Ban cán sự đảng Ủy ban nhân dân thành phố', 'ban_can_su', 'TU-HP', 'BCSĐ UBND TP'),
    party('DUTT-KCQ', 'Đảng ủy Khối các cơ quan thành phố', 'dang_uy_truc_thuoc', 'TU-HP'),
    party('DUTT-KDN', 'Đảng ủy Khối Doanh nghiệp thành phố', 'dang_uy_truc_thuoc', 'TU-HP'),
    party('DUTT-QS', 'Đảng ủy Quân sự thành phố', 'dang_uy_truc_thuoc', 'TU-HP'),
    party('DUTT-CA', 'Đảng ủy Công an thành phố', 'dang_uy_truc_thuoc', 'TU-HP'),
    party('DUTT-BDBP', 'Đảng ủy Bộ đội Biên phòng thành phố', 'dang_uy_truc_thuoc', 'TU-HP'),
    party('TU-HD', 'Tỉnh ủy Hải Dương', 'thanh_uy', null, 'Tỉnh ủy HD'),
  ];
  const root = (d: District) => (d.province === PROVINCES.haiPhong ? 'TU-HP' : 'TU-HD');
  for (const d of data.districts) {
    const { name, kind } = districtCommittee(d);
    units.push(party(districtCode(d.code), name, kind, root(d)));
  }
  for (const c of data.communes2021) {
    units.push(party(communeCode(c.code), communeCommittee(c), 'dang_uy_xa_phuong', districtCode(c.district)));
  }
  // A sample of residential party cells in the two urban districts that have demo accounts.
  for (const c of data.communes2021.filter((x) => x.district === '304' || x.district === '305')) {
    for (const n of [1, 2]) {
      units.push(party(`CB-${c.code}-TDP${n}`, `Chi bộ Tổ dân phố số ${n} ${COMMUNE_WORD[c.type]} ${c.name}`, 'chi_bo', communeCode(c.code)));
    }
  }
  units.push(party('CB-THCS-HOANGDIEU', 'Chi bộ Trường THCS Hoàng Diệu', 'chi_bo', communeCode(SCHOOL_WARD)));
  // The state side the plan reaches through the People's Committee: city → Department of
  // Education → the school, which in the party hierarchy sits under its own cell.
  units.push(
    { code: 'UBND-HP', name: 'Ủy ban nhân dân thành phố Hải Phòng', shortName: 'UBND thành phố', kind: 'chinh_quyen', validFrom: TERM_START, parents: { state: null } },
    { code: 'UBND-HP-SGD', name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', kind: 'co_quan', validFrom: TERM_START, parents: { state: 'UBND-HP' } },
    {
      code: 'TH-THCS-HOANGDIEU', name: 'Trường THCS Hoàng Diệu', shortName: null, kind: 'truong_hoc', validFrom: TERM_START,
      parents: { party: 'CB-THCS-HOANGDIEU', state: 'UBND-HP-SGD' },
    },
  );
  return units;
}

/** The 114 commune-level party committees of the merged city, opened on 1/7/2025 directly under the city. */
export function build2025(data: AdminData, date: string): Unit[] {
  return data.communes2025.map((c) => ({
    code: commune2025Code(c.code), name: communeCommittee(c), shortName: null, kind: 'dang_uy_xa_phuong', validFrom: date,
    parents: { party: 'TU-HP' },
  }));
}
