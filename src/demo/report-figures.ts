/**
 * The report form of the demo (results of Directive 05-CT/TW) and believable figures for each
 * unit: drawn from a generator seeded by the unit's code, so every load gives the same numbers.
 */
import type { FormDefinition, Narrative, Values } from '../core/report-form';
import { DEFAULT_SECTIONS } from '../core/report-form';

export const DEMO_FORM: FormDefinition = {
  indicators: [
    { code: 'dang_bo_co_so', name: 'Số đảng bộ xã, phường, thị trấn', type: 'integer', unit: 'đảng bộ', aggregation: 'sum', source: { key: 'orgs.units_of_kind', params: { kinds: ['dang_uy_xa_phuong'] } }, group: 'Triển khai' },
    { code: 'dang_bo_chuyen_de', name: 'Số đảng bộ xã, phường, thị trấn tổ chức học tập chuyên đề', type: 'integer', unit: 'đảng bộ', aggregation: 'sum', min: 0, peerBasis: 'dang_bo_co_so', group: 'Triển khai' },
    { code: 'chi_bo', name: 'Tổng số chi bộ', type: 'integer', unit: 'chi bộ', aggregation: 'sum', min: 0, required: true, peerBasis: 'dang_bo_co_so', group: 'Sinh hoạt chuyên đề' },
    { code: 'chi_bo_chuyen_de', name: 'Số chi bộ sinh hoạt chuyên đề', type: 'integer', unit: 'chi bộ', aggregation: 'sum', min: 0, peerBasis: 'chi_bo', group: 'Sinh hoạt chuyên đề' },
    { code: 'buoi_sinh_hoat', name: 'Số buổi sinh hoạt chuyên đề', type: 'integer', unit: 'buổi', aggregation: 'sum', min: 0, peerBasis: 'chi_bo', group: 'Sinh hoạt chuyên đề' },
    { code: 'dang_vien', name: 'Tổng số đảng viên', type: 'integer', unit: 'đảng viên', aggregation: 'sum', min: 0, required: true, peerBasis: 'chi_bo', group: 'Học tập' },
    { code: 'dang_vien_hoc_tap', name: 'Số đảng viên tham gia học tập chuyên đề', type: 'integer', unit: 'đảng viên', aggregation: 'sum', min: 0, peerBasis: 'dang_vien', group: 'Học tập' },
    { code: 'ty_le_danh_gia', name: 'Tỷ lệ đảng viên có bản cam kết làm theo được đánh giá tốt', type: 'percent', unit: '%', aggregation: 'weighted_avg', weightBy: 'dang_vien', group: 'Học tập' },
    { code: 'mo_hinh', name: 'Số mô hình mới, cách làm sáng tạo được công nhận', type: 'integer', unit: 'mô hình', aggregation: 'sum', min: 0, peerBasis: 'chi_bo', group: 'Làm theo' },
    { code: 'dien_hinh', name: 'Số tập thể, cá nhân điển hình được biểu dương, khen thưởng', type: 'integer', unit: 'tập thể, cá nhân', aggregation: 'sum', min: 0, peerBasis: 'dang_vien', group: 'Làm theo' },
    { code: 'ke_hoach', name: 'Số kế hoạch cụ thể hóa đã ban hành', type: 'integer', unit: 'kế hoạch', aggregation: 'sum', source: { key: 'plans.child_plans_issued' }, group: 'Triển khai' },
    { code: 'van_de_dang_ky', name: 'Số vấn đề đăng ký giải quyết dứt điểm', type: 'integer', unit: 'vấn đề', aggregation: 'sum', source: { key: 'registrations.registered' }, group: 'Làm theo' },
    { code: 'van_de_giai_quyet', name: 'Số vấn đề đã giải quyết dứt điểm', type: 'integer', unit: 'vấn đề', aggregation: 'sum', source: { key: 'registrations.resolved' }, group: 'Làm theo' },
    { code: 'dua_vao_chuong_trinh', name: 'Đã đưa nội dung học tập và làm theo vào chương trình công tác năm', type: 'boolean', aggregation: 'count_yes', group: 'Triển khai' },
  ],
  sections: DEFAULT_SECTIONS,
  rules: [
    { code: 'dang_bo_le', left: 'dang_bo_chuyen_de', op: '<=', right: { indicator: 'dang_bo_co_so' }, severity: 'hard' },
    { code: 'chi_bo_le', left: 'chi_bo_chuyen_de', op: '<=', right: { indicator: 'chi_bo' }, severity: 'hard' },
    { code: 'hoc_tap_le', left: 'dang_vien_hoc_tap', op: '<=', right: { indicator: 'dang_vien' }, severity: 'hard' },
    { code: 'giai_quyet_le', left: 'van_de_giai_quyet', op: '<=', right: { indicator: 'van_de_dang_ky' }, severity: 'hard' },
    { code: 'hoc_tap_thap', left: 'dang_vien_hoc_tap', op: '>=', right: { indicator: 'dang_vien', factor: 0.7 }, severity: 'soft', message: 'tỷ lệ đảng viên tham gia học tập dưới 70%' },
  ],
};

/** A small deterministic generator (mulberry32) seeded from a text. */
export function seeded(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 3432918353) >>> 0;
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface UnitSize {
  /** Commune committees in the unit's own area (what the record source will count). */
  communes: number;
  /** Party cells and members the unit reports for itself. */
  cells: number;
  members: number;
}

/**
 * Figures for one unit's own report. `year` reports cover twelve months (roughly twice the
 * sessions of a half year); `sessionsPerCell` lets the demo plant one inflated report.
 */
export function figuresFor(code: string, period: string, size: UnitSize, options: { sessionsPerCell?: number; small?: boolean } = {}): Values {
  const r = seeded(`${code}:${period}`);
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const year = !period.includes('-');
  const perCell = options.sessionsPerCell ?? between(1.7, 2.3) * (year ? 2 : 1);
  // A ward's own models, exemplars and registered issues are a fraction of a district's.
  const scale = options.small ? 0.25 : 1 + 0.25 * size.communes;
  return {
    dang_bo_chuyen_de: size.communes - Math.round(size.communes * between(0, 0.1)),
    chi_bo: size.cells,
    chi_bo_chuyen_de: Math.round(size.cells * between(0.86, 0.98)),
    buoi_sinh_hoat: Math.round(size.cells * perCell) + (size.cells === 0 ? Math.round(between(1, 4)) : 0),
    dang_vien: size.members,
    dang_vien_hoc_tap: Math.round(size.members * between(0.86, 0.97)),
    ty_le_danh_gia: Math.round(between(84, 97) * 10) / 10,
    mo_hinh: Math.round(between(1, 6) * (year ? 1.8 : 1) * scale),
    dien_hinh: Math.round(between(4, 16) * (year ? 1.8 : 1) * scale),
    dua_vao_chuong_trinh: r() > 0.08,
  };
}

const MODELS = [
  '“Dân vận khéo” trong giải phóng mặt bằng', '“Tuyến phố văn minh, sạch đẹp”', '“Chi bộ 4 tốt, đảng viên 4 gương mẫu”',
  '“Mỗi đảng viên một việc làm theo gương Bác”', '“Ngày thứ Bảy xanh”', '“Đảng viên giúp hộ nghèo”', '“Cổng trường an toàn giao thông”',
];

/** The narrative of a unit's report, in the words offices use. */
export function narrativeFor(unitName: string, code: string, period: string, values: Values): Narrative {
  const r = seeded(`${code}:${period}:text`);
  const model = MODELS[Math.floor(r() * MODELS.length)];
  const label = period.includes('H1') ? '6 tháng đầu năm 2021' : 'năm 2021';
  return {
    results: [
      `${unitName} đã ban hành kế hoạch cụ thể hóa Kế hoạch của Ban Thường vụ Thành ủy thực hiện Chỉ thị số 05-CT/TW ${label}; quán triệt chuyên đề toàn khóa đến cán bộ, đảng viên.`,
      `Có ${values.chi_bo_chuyen_de} chi bộ tổ chức sinh hoạt chuyên đề với ${values.buoi_sinh_hoat} buổi; ${values.dang_vien_hoc_tap} đảng viên tham gia học tập.`,
      `Mô hình ${model} được nhân rộng, mang lại hiệu quả thiết thực; ${values.dien_hinh} tập thể, cá nhân điển hình được biểu dương.`,
    ].join('\n'),
    limitations: [
      'Một số chi bộ sinh hoạt chuyên đề còn hình thức, chưa gắn với nhiệm vụ chính trị của địa phương.',
      r() < 0.5 ? 'Việc đăng ký và giải quyết dứt điểm một số vấn đề còn chậm do nguồn lực hạn chế.' : 'Công tác tuyên truyền, nhân rộng điển hình ở cơ sở có nơi chưa thường xuyên.',
    ].join('\n'),
    lessons: 'Phát huy vai trò nêu gương của người đứng đầu; gắn học tập với làm theo bằng những việc làm cụ thể, thiết thực.',
    next_tasks: 'Tiếp tục triển khai chuyên đề năm 2021; chuẩn bị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW gắn với kỷ niệm 75 năm Ngày Bác về thăm Hải Phòng.',
    proposals: r() < 0.5 ? 'Đề nghị Ban Tuyên giáo Thành ủy tiếp tục cung cấp tài liệu sinh hoạt chuyên đề.' : 'Đề nghị biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.',
  };
}
