/**
 * A small stand-in for the Hai Phong demo (src/demo), used by the harness only while the real
 * demo is not in this branch: same unit codes, same logins, the same shape of history (15
 * district committees under Thành ủy Hải Phòng in 2021; on 1/7/2025 the district level ends and
 * new commune committees take over). Built through the services, like real data.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_CLI } from '../../src/core/actor';
import { writeMeta } from '../../src/db/meta';
import type { Database } from '../../src/db/schema';
import { DEMO_PASSWORD, hashPassword } from '../../src/modules/auth/passwords';
import * as orgs from '../../src/modules/orgs/orgs.service';
import * as usersRepo from '../../src/modules/users/users.repository';
import * as users from '../../src/modules/users/users.service';

const START = '2020-10-01';
const MERGER = '2025-07-01';

const DISTRICTS: Array<[string, string, 'quan_uy' | 'huyen_uy', string[]]> = [
  ['303', 'Quận ủy Hồng Bàng', 'quan_uy', ['phường Hoàng Văn Thụ', 'phường Minh Khai']],
  ['304', 'Quận ủy Ngô Quyền', 'quan_uy', ['phường Máy Chai', 'phường Lạch Tray']],
  ['305', 'Quận ủy Lê Chân', 'quan_uy', ['phường Cát Dài', 'phường An Biên']],
  ['306', 'Quận ủy Hải An', 'quan_uy', ['phường Đông Hải 1', 'phường Cát Bi']],
  ['307', 'Quận ủy Kiến An', 'quan_uy', ['phường Bắc Sơn', 'phường Văn Đẩu']],
  ['308', 'Quận ủy Đồ Sơn', 'quan_uy', ['phường Vạn Hương', 'phường Ngọc Xuyên']],
  ['309', 'Quận ủy Dương Kinh', 'quan_uy', ['phường Hòa Nghĩa', 'phường Anh Dũng']],
  ['311', 'Huyện ủy Thủy Nguyên', 'huyen_uy', ['thị trấn Núi Đèo', 'xã Thủy Sơn']],
  ['312', 'Huyện ủy An Dương', 'huyen_uy', ['thị trấn An Dương', 'xã Lê Thiện']],
  ['313', 'Huyện ủy An Lão', 'huyen_uy', ['thị trấn An Lão', 'xã Quốc Tuấn']],
  ['314', 'Huyện ủy Kiến Thụy', 'huyen_uy', ['thị trấn Núi Đối', 'xã Đại Đồng']],
  ['315', 'Huyện ủy Tiên Lãng', 'huyen_uy', ['thị trấn Tiên Lãng', 'xã Quyết Tiến']],
  ['316', 'Huyện ủy Vĩnh Bảo', 'huyen_uy', ['thị trấn Vĩnh Bảo', 'xã Tam Cường']],
  ['317', 'Huyện ủy Cát Hải', 'huyen_uy', ['thị trấn Cát Bà', 'xã Hoàng Châu']],
  ['318', 'Huyện ủy Bạch Long Vĩ', 'huyen_uy', []],
];

/** One new commune-level committee per former district (the real demo has 114). */
const COMMUNES_2025: Record<string, string> = {
  303: 'Đảng ủy phường Hồng Bàng', 304: 'Đảng ủy phường Ngô Quyền', 305: 'Đảng ủy phường Lê Chân', 306: 'Đảng ủy phường Hải An',
  307: 'Đảng ủy phường Kiến An', 308: 'Đảng ủy phường Đồ Sơn', 309: 'Đảng ủy phường Dương Kinh', 311: 'Đảng ủy phường Thủy Nguyên',
  312: 'Đảng ủy phường An Dương', 313: 'Đảng ủy xã An Lão', 314: 'Đảng ủy xã Kiến Thụy', 315: 'Đảng ủy xã Tiên Lãng',
  316: 'Đảng ủy xã Vĩnh Bảo', 317: 'Đảng ủy đặc khu Cát Hải', 318: 'Đảng ủy đặc khu Bạch Long Vĩ',
};

const LOGINS: Array<{ username: string; displayName: string; role: 'admin' | 'leader' | 'coordinator' | 'reporter' | 'inspector' | 'editor' | 'viewer'; unit: string; home: string }> = [
  { username: 'admin', displayName: 'Đỗ Minh Khoa', role: 'admin', unit: 'TU-HP', home: 'TU-HP-VP' },
  { username: 'lanhdao', displayName: 'Lê Quang Vinh', role: 'leader', unit: 'TU-HP', home: 'TU-HP-BTV' },
  { username: 'tuyengiao', displayName: 'Trần Thị Thu Hà', role: 'coordinator', unit: 'TU-HP-BTG', home: 'TU-HP-BTG' },
  { username: 'lechan', displayName: 'Vũ Đức Long', role: 'reporter', unit: 'DU-305', home: 'DU-305' },
  { username: 'ngoquyen', displayName: 'Phạm Thị Lan', role: 'reporter', unit: 'DU-304', home: 'DU-304' },
  { username: 'kiemtra', displayName: 'Hoàng Văn Bình', role: 'inspector', unit: 'TU-HP', home: 'TU-HP-UBKT' },
  { username: 'bientap', displayName: 'Ngô Thị Mai', role: 'editor', unit: 'TU-HP', home: 'TU-HP-VP' },
  { username: 'xem', displayName: 'Bùi Văn Nam', role: 'viewer', unit: 'TU-HP', home: 'TU-HP-VP' },
  { username: 'chibo', displayName: 'Đặng Thị Hoa', role: 'reporter', unit: 'CB-THCS-HOANGDIEU', home: 'CB-THCS-HOANGDIEU' },
];

export async function loadStandInDemo(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await writeMeta(tx, 'dataset', 'demo');
    const ids = new Map<string, number>();
    const unit = (code: string) => ids.get(code)!;
    const make = async (code: string, name: string, kind: string, parent: string | null, hierarchy = 'party', shortName?: string) => {
      const created = await orgs.createUnit(tx, SYSTEM_CLI, {
        code, name, shortName, kind, parentId: parent ? unit(parent) : null, hierarchy, validFrom: START,
      });
      ids.set(code, created.id);
    };
    await make('TU-HP', 'Thành ủy Hải Phòng', 'thanh_uy', null, 'party', 'Thành ủy HP');
    await make('TU-HP-BTV', 'Ban Thường vụ Thành ủy', 'ban_thuong_vu', 'TU-HP');
    for (const [code, name] of [['VP', 'Văn phòng Thành ủy'], ['BTC', 'Ban Tổ chức Thành ủy'], ['UBKT', 'Ủy ban Kiểm tra Thành ủy'],
      ['BTG', 'Ban Tuyên giáo Thành ủy'], ['BDV', 'Ban Dân vận Thành ủy'], ['BNC', 'Ban Nội chính Thành ủy']]) {
      await make(`TU-HP-${code}`, name, 'ban_tham_muu', 'TU-HP');
    }
    await make('TU-HP-BCSD', 'Ban cán sự đảng Ủy ban nhân dân thành phố', 'ban_can_su', 'TU-HP');
    await make('DUTT-KCQ', 'Đảng ủy Khối các cơ quan thành phố', 'dang_uy_truc_thuoc', 'TU-HP');
    await make('TU-HD', 'Tỉnh ủy Hải Dương', 'thanh_uy', null);
    await make('DU-288', 'Thành ủy Hải Dương', 'quan_uy', 'TU-HD');
    let ward = 11300;
    const wardsOf = new Map<string, string[]>();
    for (const [gso, name, kind, communes] of DISTRICTS) {
      await make(`DU-${gso}`, name, kind, 'TU-HP');
      const codes: string[] = [];
      for (const commune of communes) {
        ward += 7;
        const code = gso === '305' && codes.length === 0 ? 'XP-11404' : `XP-${ward}`;
        await make(code, `Đảng ủy ${commune}`, 'dang_uy_xa_phuong', `DU-${gso}`);
        codes.push(code);
      }
      wardsOf.set(gso, codes);
    }
    await make('CB-THCS-HOANGDIEU', 'Chi bộ Trường THCS Hoàng Diệu', 'chi_bo', 'XP-11404');
    await make('CB-11404-TDP1', 'Chi bộ Tổ dân phố số 1 phường Cát Dài', 'chi_bo', 'XP-11404');
    await make('UBND-HP', 'Ủy ban nhân dân thành phố Hải Phòng', 'chinh_quyen', null, 'state', 'UBND thành phố');
    await make('UBND-HP-SGD', 'Sở Giáo dục và Đào tạo', 'co_quan', 'UBND-HP', 'state', 'Sở GD&ĐT');
    await make('TH-THCS-HOANGDIEU', 'Trường THCS Hoàng Diệu', 'truong_hoc', 'UBND-HP-SGD', 'state');

    const hash = await hashPassword(DEMO_PASSWORD);
    const userIds = new Map<string, number>();
    for (const login of LOGINS) {
      const created = await users.createUser(tx, SYSTEM_CLI, {
        username: login.username, displayName: login.displayName, unitId: unit(login.home), password: `Tam-thoi-0123456789-${LOGINS.indexOf(login)}`, locale: 'vi',
      });
      await usersRepo.setPasswordHash(tx, created.id, hash, new Date().toISOString());
      await users.addGrant(tx, SYSTEM_CLI, created.id, { role: login.role, unitId: unit(login.unit), hierarchy: 'party' });
      userIds.set(login.username, created.id);
    }

    // 1/7/2025: the departments merge, the communes merge into new ones, the district level ends.
    const btgdv = await orgs.mergeUnits(tx, SYSTEM_CLI, {
      sourceIds: [unit('TU-HP-BTG'), unit('TU-HP-BDV')],
      into: { newUnit: { code: 'TU-HP-BTGDV', name: 'Ban Tuyên giáo và Dân vận Thành ủy', kind: 'ban_tham_muu', parentId: unit('TU-HP') } },
      effectiveDate: MERGER, note: 'Hợp nhất Ban Tuyên giáo và Ban Dân vận Thành ủy',
    });
    await users.addGrant(tx, SYSTEM_CLI, userIds.get('tuyengiao')!, { role: 'coordinator', unitId: btgdv.created[0].id, hierarchy: 'party' });
    let ward2025 = 11500;
    for (const [gso] of DISTRICTS) {
      ward2025 += 11;
      const name = COMMUNES_2025[gso];
      const sources = wardsOf.get(gso)!.map(unit);
      const code = `XP25-${ward2025}`;
      if (sources.length > 0) {
        const merged = await orgs.mergeUnits(tx, SYSTEM_CLI, {
          sourceIds: sources,
          into: { newUnit: { code, name, kind: 'dang_uy_xa_phuong', parentId: unit('TU-HP') } },
          effectiveDate: MERGER, note: 'Sắp xếp đơn vị hành chính cấp xã (hiệu lực 01/07/2025)',
        });
        ids.set(code, merged.created[0].id);
        await orgs.dissolveUnit(tx, SYSTEM_CLI, unit(`DU-${gso}`), { effectiveDate: MERGER, successorId: merged.created[0].id, note: 'Kết thúc hoạt động cấp huyện' });
      } else {
        await orgs.createUnit(tx, SYSTEM_CLI, { code, name, kind: 'dang_uy_xa_phuong', parentId: unit('TU-HP'), hierarchy: 'party', validFrom: MERGER });
        await orgs.dissolveUnit(tx, SYSTEM_CLI, unit(`DU-${gso}`), { effectiveDate: MERGER, successorId: unit('TU-HP'), note: 'Kết thúc hoạt động cấp huyện' });
      }
    }
    await orgs.dissolveUnit(tx, SYSTEM_CLI, unit('DU-288'), { effectiveDate: MERGER, successorId: unit('TU-HD'), note: 'Kết thúc hoạt động cấp huyện' });
    await orgs.mergeUnits(tx, SYSTEM_CLI, { sourceIds: [unit('TU-HD')], into: { unitId: unit('TU-HP') }, effectiveDate: MERGER, note: 'Hợp nhất Tỉnh ủy Hải Dương vào Thành ủy Hải Phòng' });
  });
}
