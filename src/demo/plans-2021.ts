/**
 * The content of the city's 2021 plan for Directive 05-CT/TW, as the seed article describes it
 * (purposes, requirements, the six task groups, who does what), written in our own words. The
 * article gives neither the plan's number nor the dates of its events: the number (12-KH/TU),
 * the deadlines and the conference dates here are illustrative.
 */
import type { PlanContentInput, PlanTaskInput } from '../modules/plans/plans.contract';
import type { DemoContext } from './context';

export const CITY_PLAN_NUMBER = '12-KH/TU';
export const CITY_PLAN_ISSUED_ON = '2021-02-24';
/** By when the districts and affiliated committees must have issued their own plans. */
export const CONCRETIZE_BY = '2021-03-31';

/** The 15 district-level committees of Hai Phong in 2021 and the affiliated committees. */
export const HP_DISTRICTS = ['303', '304', '305', '306', '307', '308', '309', '311', '312', '313', '314', '315', '316', '317', '318'].map((c) => `DU-${c}`);
export const AFFILIATED = ['DUTT-KCQ', 'DUTT-KDN', 'DUTT-QS', 'DUTT-CA', 'DUTT-BDBP'];

export const CITY_PLAN_TITLE = 'Kế hoạch thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" năm 2021 tại Đảng bộ thành phố';

export function cityPlanContent(ctx: DemoContext, implementsDocumentIds: number[]): PlanContentInput {
  const u = (code: string) => ctx.unit(code);
  const task = (title: string, lead: string, coordinating: string[], dates: Partial<PlanTaskInput>, extra: Partial<PlanTaskInput> = {}): PlanTaskInput => ({
    title, leadUnitId: u(lead), coordinatingUnitIds: coordinating.map(u), ...dates, ...extra,
  });
  return {
    title: CITY_PLAN_TITLE,
    issuingBody: 'Ban Thường vụ Thành ủy',
    year: 2021,
    place: 'Hải Phòng',
    purposes: [
      'Tiếp tục thực hiện có hiệu quả Chỉ thị số 05-CT/TW của Bộ Chính trị, Kế hoạch số 03-KH/TW của Ban Bí thư và Kế hoạch số 32-KH/TU của Ban Thường vụ Thành ủy; đưa "Những nội dung cơ bản của tư tưởng, đạo đức, phong cách Hồ Chí Minh" vào sinh hoạt chuyên đề của chi bộ, đoàn thể và sinh hoạt của cơ quan, đơn vị.',
      'Nâng cao chất lượng sinh hoạt chuyên đề, gắn với nhiệm vụ chính trị và đặc điểm, tình hình của từng địa phương, cơ quan, đơn vị; cấp ủy, chính quyền chọn những vấn đề trọng tâm để thảo luận giải pháp, liên hệ và vận dụng sáng tạo vào thực tiễn.',
    ],
    requirements: [
      'Thực hiện Chỉ thị số 05-CT/TW đồng bộ, gắn chặt với các nghị quyết, chỉ thị của Đảng, nhất là Nghị quyết Trung ương 4 (khóa XII) về xây dựng, chỉnh đốn Đảng, Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội XVI Đảng bộ thành phố, nghị quyết đại hội đảng bộ các cấp và Nghị quyết số 45-NQ/TW của Bộ Chính trị về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045; gắn với các cuộc vận động, phong trào thi đua yêu nước và nhiệm vụ chính trị năm 2021.',
      'Nâng cao chất lượng kiểm tra, giám sát việc thực hiện Chỉ thị gắn với chuyên đề toàn khóa và từng năm; phát hiện, nhân rộng mô hình mới, cách làm sáng tạo, tập thể và cá nhân tiêu biểu; kịp thời chấn chỉnh bệnh thành tích, thiếu trung thực, nói không đi đôi với làm.',
      'Thực hiện nghiêm chỉ đạo, hướng dẫn của cấp ủy cấp trên, đồng thời phát huy tính chủ động, sáng tạo, linh hoạt của các cấp ủy, tổ chức đảng, địa phương, cơ quan, đơn vị trực thuộc.',
    ],
    implementation: [
      { responsible: 'Ban Thường vụ Thành ủy', unitIds: [u('TU-HP')], duties: 'Trực tiếp là đồng chí Bí thư Thành ủy lãnh đạo, chỉ đạo tổ chức thực hiện Chỉ thị; chỉ đạo tổ chức hội nghị cán bộ chủ chốt học tập, quán triệt chuyên đề toàn khóa; chỉ đạo kiểm tra việc thực hiện tại các quận, huyện ủy và đảng bộ trực thuộc; tổ chức Hội nghị sơ kết 5 năm gắn với kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về thăm Hải Phòng.' },
      { responsible: 'Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy', unitIds: [...HP_DISTRICTS, ...AFFILIATED].map(u), duties: 'Căn cứ kế hoạch này, lãnh đạo, chỉ đạo cụ thể hóa và triển khai thực hiện; đăng ký với Ban Thường vụ Thành ủy những vấn đề liên quan đến chuyên đề để tập trung giải quyết dứt điểm; định kỳ 6 tháng và 1 năm báo cáo kết quả với Ban Tuyên giáo Thành ủy để tổng hợp, báo cáo Ban Thường vụ Thành ủy.' },
      { responsible: 'Ban Tuyên giáo Thành ủy', unitIds: [u('TU-HP-BTG')], duties: 'Tham mưu, hướng dẫn kịp thời việc triển khai các chỉ đạo của Trung ương về học tập và làm theo Bác; tham mưu tổ chức Hội nghị sơ kết 5 năm; hướng dẫn biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu; tổng hợp kết quả báo cáo Ban Thường vụ Thành ủy.' },
      { responsible: 'Ban cán sự đảng Ủy ban nhân dân thành phố', unitIds: [u('TU-HP-BCSD')], duties: 'Chỉ đạo các cơ quan quản lý nhà nước đưa việc học tập và làm theo Bác vào sinh hoạt định kỳ, gắn với Chỉ thị số 27/CT-TTg của Thủ tướng Chính phủ; phát huy vai trò nêu gương của cán bộ, công chức, viên chức; xây dựng văn hóa, đạo đức công vụ. Chỉ đạo Sở Giáo dục và Đào tạo, Ủy ban nhân dân các quận, huyện hướng dẫn các trường đưa bộ tài liệu "Bác Hồ và những bài học về đạo đức, lối sống dành cho học sinh" vào giảng dạy tích hợp và hoạt động ngoại khóa.' },
      { responsible: 'Cấp ủy đảng các cấp', unitIds: [], duties: 'Kiểm tra, đôn đốc và báo cáo kết quả học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh với cấp ủy cấp trên trực tiếp.' },
    ],
    implementsDocumentIds,
    requiredUnitIds: [...HP_DISTRICTS, ...AFFILIATED].map(u),
    concretizeDueOn: CONCRETIZE_BY,
    signerCapacity: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
    signerName: 'Lê Quang Vinh',
    recipients: [
      'Ban Bí thư Trung ương Đảng (để báo cáo)',
      'Ban Tuyên giáo Trung ương (để báo cáo)',
      'Các đồng chí Thành ủy viên',
      'Các quận ủy, huyện ủy, đảng ủy trực thuộc',
      'Các ban, Văn phòng Thành ủy',
      'Ban cán sự đảng UBND thành phố',
      'Lưu Văn phòng Thành ủy',
    ],
    taskGroups: [
      {
        title: 'Đưa nội dung học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh vào chương trình, kế hoạch hành động toàn khóa và hằng năm',
        tasks: [
          task('Hướng dẫn cấp ủy trực thuộc đưa nội dung học tập vào chương trình hành động toàn khóa và kế hoạch năm 2021', 'TU-HP-BTG', ['TU-HP-VP'], { startOn: '2021-03-01', dueOn: '2021-03-31' }),
          task('Tổ chức hội nghị cán bộ chủ chốt học tập, quán triệt chuyên đề toàn khóa', 'TU-HP', ['TU-HP-BTG', 'TU-HP-VP'], { milestoneOn: '2021-04-09' }, { expectedOutputs: 'Hội nghị trực tuyến đến các điểm cầu quận, huyện; tài liệu chuyên đề phát đến chi bộ' }),
        ],
      },
      {
        title: 'Sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị',
        tasks: [
          task('Hướng dẫn sơ kết 5 năm ở các đảng bộ trực thuộc', 'TU-HP-BTG', ['TU-HP-VP'], { startOn: '2021-05-01', dueOn: '2021-08-31' }),
          task('Tổ chức Hội nghị sơ kết 5 năm của Đảng bộ thành phố gắn với kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về thăm Hải Phòng', 'TU-HP', ['TU-HP-BTG', 'TU-HP-VP'], { milestoneOn: '2021-10-19' }, { expectedOutputs: 'Báo cáo sơ kết 5 năm; biểu dương tập thể, cá nhân tiêu biểu' }),
          task('Hướng dẫn biểu dương, khen thưởng tập thể, cá nhân có thành tích tiêu biểu trong học tập và làm theo Bác', 'TU-HP-BTG', ['TU-HP-BTC'], { dueOn: '2021-10-15' }),
        ],
      },
      {
        title: 'Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh từ Pháp trở về nước qua bến Ngự, lần đầu tiên Người đến thăm Hải Phòng (20/10/1946 – 20/10/2021)',
        tasks: [
          task('Xây dựng kế hoạch và tổ chức các hoạt động kỷ niệm, tuyên truyền về sự kiện', 'TU-HP-BTG', ['TU-HP-BDV', 'TU-HP-VP'], { startOn: '2021-08-01', dueOn: '2021-10-20' }),
        ],
      },
      {
        title: 'Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Nghị quyết Trung ương 4 (khóa XII)',
        tasks: [
          task('Gắn học tập và làm theo Bác với xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi suy thoái, "tự diễn biến", "tự chuyển hóa"', 'TU-HP-BTC', ['TU-HP-UBKT', 'TU-HP-BTG'], { startOn: '2021-03-01', dueOn: '2021-12-31' }),
          task('Chỉ đạo các cơ quan quản lý nhà nước xây dựng văn hóa, đạo đức công vụ, gắn với Chỉ thị số 27/CT-TTg', 'TU-HP-BCSD', ['UBND-HP'], { startOn: '2021-03-01', dueOn: '2021-12-31' }),
          task('Chỉ đạo đưa bộ tài liệu "Bác Hồ và những bài học về đạo đức, lối sống dành cho học sinh" vào giảng dạy tích hợp, ngoại khóa ở trường phổ thông', 'TU-HP-BCSD', ['UBND-HP-SGD'], { startOn: '2021-09-05', dueOn: '2021-12-31' }),
        ],
      },
      {
        title: 'Công tác tuyên truyền',
        tasks: [
          task('Tuyên truyền gương điển hình, mô hình mới, cách làm sáng tạo trên báo chí, cổng thông tin và mạng xã hội', 'TU-HP-BTG', ['TU-HP-BDV'], { startOn: '2021-03-01', dueOn: '2021-12-31' }),
        ],
      },
      {
        title: 'Kiểm tra, giám sát',
        tasks: [
          task('Kiểm tra việc thực hiện Chỉ thị tại các quận ủy, huyện ủy và đảng bộ trực thuộc', 'TU-HP', ['TU-HP-UBKT', 'TU-HP-BTG'], { startOn: '2021-06-01', dueOn: '2021-11-30' }),
          task('Tổng hợp báo cáo định kỳ 6 tháng và 1 năm của các đảng bộ trực thuộc, báo cáo Ban Thường vụ Thành ủy', 'TU-HP-BTG', ['TU-HP-VP'], { milestoneOn: '2021-12-15' }),
        ],
      },
    ],
  };
}
