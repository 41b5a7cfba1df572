/**
 * The plans part of the demo: the city's 2021 plan for Directive 05-CT/TW, issued 24/02/2021,
 * concretized by the districts and affiliated committees (most on time, some late, one only in
 * draft, one missing), Lê Chân's plan cascading to its wards, progress on tasks, focus-issue
 * registrations in every state, and the 2021 conferences. Everything goes through the services,
 * as a user would; dates, numbers and figures are illustrative.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import * as registry from '../modules/documents/documents.service';
import * as events from '../modules/events/events.service';
import * as orgs from '../modules/orgs/orgs.service';
import * as cascade from '../modules/plans/plan-cascade.service';
import * as lifecycle from '../modules/plans/plan-lifecycle.service';
import * as progress from '../modules/plans/plan-progress.service';
import type { PlanView } from '../modules/plans/plans.contract';
import * as plans from '../modules/plans/plans.service';
import * as registrations from '../modules/registrations/registrations.service';
import type { DemoContext } from './context';
import { CITY_PLAN_ISSUED_ON, CITY_PLAN_NUMBER, cityPlanContent } from './plans-2021';

type Db = Kysely<Database>;

/** code → [number, issued on] of each child plan; null number = left in draft; absent = none at all. */
const CHILD_PLANS: Record<string, [string | null, string | null]> = {
  'DU-305': ['18-KH/QU', '2021-03-15'],
  'DU-304': ['15-KH/QU', '2021-03-22'],
  'DU-303': ['20-KH/QU', '2021-04-12'],
  'DU-306': [null, null],
  'DU-307': ['14-KH/QU', '2021-03-26'],
  'DU-308': ['11-KH/QU', '2021-03-30'],
  'DU-309': ['12-KH/QU', '2021-04-05'],
  'DU-311': ['25-KH/HU', '2021-04-20'],
  'DU-312': ['16-KH/HU', '2021-03-18'],
  'DU-313': ['13-KH/HU', '2021-03-29'],
  'DU-314': ['17-KH/HU', '2021-03-25'],
  'DU-315': ['19-KH/HU', '2021-04-08'],
  // DU-316 (Vĩnh Bảo) has no plan at all.
  'DU-317': ['09-KH/HU', '2021-03-31'],
  'DU-318': ['05-KH/HU', '2021-04-02'],
  'DUTT-KCQ': ['22-KH/ĐU', '2021-03-24'],
  'DUTT-KDN': ['10-KH/ĐU', '2021-03-30'],
  'DUTT-QS': ['08-KH/ĐU', '2021-03-19'],
  'DUTT-CA': ['31-KH/ĐU', '2021-03-23'],
  'DUTT-BDBP': ['06-KH/ĐU', '2021-04-06'],
};

/** The documents the city plan implements, registered by the documents part of the demo. */
const IMPLEMENTED = ['05-CT/TW', '03-KH/TW', '32-KH/TU'];

async function implementedDocuments(db: Db): Promise<number[]> {
  const ids: number[] = [];
  for (const number of IMPLEMENTED) {
    const id = await registry.documentIdByNumber(db, number);
    if (id === null) throw new Error(`demo: the registry has no ${number}; load the documents part first`);
    ids.push(id);
  }
  return ids;
}

async function issueChild(db: Db, ctx: DemoContext, parentId: number, unitCode: string, number: string | null, issuedOn: string | null,
  edit?: (draft: PlanView) => Parameters<typeof plans.updatePlan>[3]): Promise<PlanView> {
  let child = await cascade.concretize(db, ctx.actor, parentId, { unitId: ctx.unit(unitCode) });
  if (edit) child = await plans.updatePlan(db, ctx.actor, child.id, edit(child));
  if (number && issuedOn) child = await lifecycle.issuePlan(db, ctx.actor, child.id, { number, issuedOn });
  return child;
}

/** The child plan's tasks back in input form, keeping their links to the tasks they serve. */
function tasksAsInput(view: PlanView, parentId: number | null = null): Parameters<typeof plans.updatePlan>[3]['taskGroups'] {
  return view.tasks.filter((t) => t.parentId === parentId).map((t) => ({
    id: t.id, title: t.title, description: t.description, leadUnitId: t.leadUnit?.id ?? null,
    coordinatingUnitIds: t.coordinatingUnits.map((u) => u.id), startOn: t.startOn, dueOn: t.dueOn, milestoneOn: t.milestoneOn,
    expectedOutputs: t.expectedOutputs, parentPlanTaskId: t.parentPlanTaskId, tasks: tasksAsInput(view, t.id),
  }));
}

export async function loadDemoPlans(db: Db, ctx: DemoContext): Promise<void> {
  const started = Date.now();
  await db.transaction().execute(async (tx) => {
    const a = ctx.actor;
    const documents = await implementedDocuments(tx);
    const draft = await plans.createPlan(tx, a, { issuerUnitId: ctx.unit('TU-HP'), ...cityPlanContent(ctx, documents) });
    const city = await lifecycle.issuePlan(tx, a, draft.id, { number: CITY_PLAN_NUMBER, issuedOn: CITY_PLAN_ISSUED_ON });
    const cityTask = (number: string) => city.tasks.find((t) => t.number === number)!.id;

    // Lê Chân adds its own tasks and asks its wards to concretize by 30/4.
    const wards = (await orgs.listUnits(tx, a, { hierarchy: 'party', asOf: '2021-06-30', root: ctx.unit('DU-305'), depth: 1 }))
      .units.filter((u) => u.code.startsWith('XP-'));
    const leChan = await issueChild(tx, ctx, city.id, 'DU-305', ...CHILD_PLANS['DU-305'], (d) => ({
      title: 'Kế hoạch thực hiện Kế hoạch số 12-KH/TU của Ban Thường vụ Thành ủy về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2021',
      issuingBody: 'Ban Thường vụ Quận ủy', year: 2021, place: 'Lê Chân', purposes: d.purposes, requirements: d.requirements, implementation: [],
      implementsDocumentIds: d.implements.map((x) => x.id), requiredUnitIds: wards.map((w) => w.id), concretizeDueOn: '2021-04-30',
      signerCapacity: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: 'Vũ Đức Long', recipients: ['Ban Thường vụ Thành ủy (để báo cáo)', 'Ban Tuyên giáo Thành ủy', 'Các đảng ủy phường', 'Lưu Văn phòng Quận ủy'],
      taskGroups: [
        ...tasksAsInput(d),
        { title: 'Nhiệm vụ riêng của Đảng bộ quận', tasks: [
          { title: 'Nhân rộng mô hình sinh hoạt chuyên đề "Hồ Chí Minh – đẹp nhất tên Người" của Trường THCS Hoàng Diệu', leadUnitId: ctx.unit('DU-305'), coordinatingUnitIds: [ctx.unit('CB-THCS-HOANGDIEU')], startOn: '2021-04-01', dueOn: '2021-12-31' },
        ] },
      ],
    }));
    for (const [code, [number, issuedOn]] of Object.entries(CHILD_PLANS)) {
      if (code !== 'DU-305') await issueChild(tx, ctx, city.id, code, number, issuedOn);
    }
    // Two wards of Lê Chân concretize the district's plan: the school's ward on time, another late.
    const schoolWard = wards.find((w) => w.code === 'XP-11404') ?? wards[0];
    const lateWard = wards.find((w) => w.id !== schoolWard.id)!;
    await issueChild(tx, ctx, leChan.id, schoolWard.code, '07-KH/ĐU', '2021-04-22');
    await issueChild(tx, ctx, leChan.id, lateWard.code, '09-KH/ĐU', '2021-05-10');

    // Progress as the lead units reported it through the year.
    const post = (planId: number, taskId: number, percent: number, narrative: string, reportedOn: string) =>
      progress.postProgress(tx, a, planId, taskId, { percent, narrative, reportedOn });
    await post(city.id, cityTask('1.1'), 100, 'Đã ban hành hướng dẫn; 20/20 đảng bộ trực thuộc đưa nội dung học tập vào chương trình hành động toàn khóa.', '2021-03-31');
    await post(city.id, cityTask('1.2'), 100, 'Hội nghị cán bộ chủ chốt đã tổ chức trực tuyến đến các quận, huyện.', '2021-04-09');
    await post(city.id, cityTask('2.1'), 100, 'Các đảng bộ trực thuộc đã hoàn thành sơ kết 5 năm ở cấp mình.', '2021-08-31');
    await post(city.id, cityTask('2.2'), 100, 'Hội nghị sơ kết 5 năm đã tổ chức gắn với lễ kỷ niệm 75 năm.', '2021-10-19');
    await post(city.id, cityTask('3.1'), 100, 'Đã tổ chức chuỗi hoạt động kỷ niệm và tuyên truyền.', '2021-10-20');
    await post(city.id, cityTask('4.3'), 60, 'Phần lớn trường trung học cơ sở đã đưa bộ tài liệu vào hoạt động ngoại khóa; còn một số trường chưa bố trí thời lượng.', '2021-12-15');
    await post(city.id, cityTask('6.1'), 70, 'Đã kiểm tra 14/20 đảng bộ trực thuộc.', '2021-11-30');
    const leChanTask = (parentNumber: string) => leChan.tasks.find((t) => t.parentPlanTaskId === cityTask(parentNumber))!.id;
    await post(leChan.id, leChanTask('1.1'), 100, 'Quận ủy đã đưa nội dung học tập vào chương trình hành động toàn khóa.', '2021-03-30');
    await post(leChan.id, leChanTask('5.1'), 50, 'Đã giới thiệu 6 mô hình trên trang thông tin của quận.', '2021-06-30');

    await loadRegistrations(tx, ctx, city.id);
    await loadEvents(tx, ctx, city, leChan);
  });
  ctx.log(`Kế hoạch, đăng ký vấn đề, sự kiện 2021 (${Date.now() - started} ms)`);
}

async function loadRegistrations(db: Db, ctx: DemoContext, planId: number): Promise<void> {
  const a = ctx.actor;
  const make = (unit: string, title: string, target: string, deadline: string, responsiblePerson: string) =>
    registrations.createRegistration(db, a, { unitId: ctx.unit(unit), planId, title, description: null, target, deadline, responsiblePerson });

  const leChan = await make('DU-305', 'Chấm dứt lấn chiếm vỉa hè trên các tuyến phố trung tâm của quận', 'Không còn điểm lấn chiếm kéo dài trên 12 tuyến phố; kiểm tra hằng tháng', '2021-12-31', 'Phó Bí thư Thường trực Quận ủy');
  await registrations.submit(db, a, leChan.id);
  await registrations.approve(db, a, leChan.id, 'Đồng ý; báo cáo tiến độ hằng quý');
  await registrations.postProgress(db, a, leChan.id, { percent: 30, narrative: 'Đã giải tỏa 4/12 tuyến phố.', reportedOn: '2021-06-30' });
  await registrations.postProgress(db, a, leChan.id, { percent: 45, narrative: 'Đã giải tỏa 6/12 tuyến phố; 2 tuyến tái lấn chiếm.', reportedOn: '2021-09-30' });
  await make('DU-305', 'Nâng cao chất lượng sinh hoạt chuyên đề ở chi bộ khu dân cư', 'Mỗi chi bộ khu dân cư sinh hoạt chuyên đề ít nhất một quý một lần', '2021-12-31', 'Trưởng Ban Tuyên giáo Quận ủy');

  const ngoQuyen = await make('DU-304', 'Giải quyết dứt điểm tồn đọng hồ sơ cấp giấy chứng nhận quyền sử dụng đất', 'Hoàn thành 100% hồ sơ tồn đọng từ năm 2019 trở về trước', '2021-10-31', 'Chủ tịch UBND quận');
  await registrations.submit(db, a, ngoQuyen.id);
  await registrations.approve(db, a, ngoQuyen.id, null);
  await registrations.postProgress(db, a, ngoQuyen.id, { percent: 80, narrative: 'Đã giải quyết 412/515 hồ sơ.', reportedOn: '2021-08-31' });
  await registrations.submitResolution(db, a, ngoQuyen.id, 'Đã giải quyết toàn bộ 515 hồ sơ tồn đọng; công khai kết quả tại trụ sở các phường.');
  await registrations.confirmResolved(db, a, ngoQuyen.id, 'Xác nhận hoàn thành');
  const pending = await make('DU-304', 'Xây dựng tuyến phố văn minh đô thị Lạch Tray', 'Tuyến phố đạt chuẩn văn minh đô thị theo tiêu chí của thành phố', '2021-12-31', 'Bí thư Đảng ủy phường');
  await registrations.submit(db, a, pending.id);

  const hongBang = await make('DU-303', 'Chỉnh trang khu vực chợ Sắt', 'Khu vực chợ gọn gàng', '2021-12-31', 'Ban Thường vụ Quận ủy');
  await registrations.submit(db, a, hongBang.id);
  await registrations.returnForRevision(db, a, hongBang.id, 'Mục tiêu chưa đo được: nêu số hộ, diện tích và mốc thời gian cụ thể.');

  const thuyNguyen = await make('DU-311', 'Xử lý dứt điểm ô nhiễm làng nghề', 'Toàn bộ cơ sở sản xuất có hệ thống xử lý nước thải đạt chuẩn', '2021-11-30', 'Chủ tịch UBND huyện');
  await registrations.submit(db, a, thuyNguyen.id);
  await registrations.approve(db, a, thuyNguyen.id, null);
  await registrations.submitResolution(db, a, thuyNguyen.id, 'Các cơ sở đã lắp đặt hệ thống xử lý; kết quả quan trắc tháng 11 đạt quy chuẩn.');

  const agencies = await make('DUTT-KCQ', 'Số hóa toàn bộ hồ sơ đảng viên khối cơ quan thành phố', 'Hồ sơ của 100% đảng viên được số hóa và cập nhật lên hệ thống', '2030-12-31', 'Phó Bí thư Đảng ủy Khối');
  await registrations.submit(db, a, agencies.id);
  await registrations.approve(db, a, agencies.id, 'Đồng ý; đây là nhiệm vụ dài hạn, báo cáo mỗi năm');
  await registrations.postProgress(db, a, agencies.id, { percent: 35, narrative: 'Đã số hóa hồ sơ của 9 đảng bộ cơ sở.', reportedOn: '2021-12-15' });
}

async function loadEvents(db: Db, ctx: DemoContext, city: PlanView, leChan: PlanView): Promise<void> {
  const a = ctx.actor;
  const cityTask = (number: string) => city.tasks.find((t) => t.number === number)!.id;
  const base = { planId: city.id, documentIds: city.documentId ? [city.documentId] : [], participantCount: null, venue: 'Trung tâm Hội nghị thành phố' };
  await events.createEvent(db, a, {
    ...base, organizerUnitId: ctx.unit('TU-HP'), kind: 'hoc_tap', heldOn: '2021-04-09', taskId: cityTask('1.2'),
    title: 'Hội nghị cán bộ chủ chốt học tập, quán triệt chuyên đề toàn khóa về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    participants: 'Ủy viên Ban Chấp hành Đảng bộ thành phố; cán bộ chủ chốt các quận ủy, huyện ủy, đảng ủy trực thuộc (trực tuyến đến các điểm cầu)',
    outcome: 'Quán triệt chuyên đề toàn khóa; giao các cấp ủy cụ thể hóa vào chương trình hành động và đăng ký vấn đề giải quyết dứt điểm.',
  });
  await events.createEvent(db, a, {
    ...base, organizerUnitId: ctx.unit('TU-HP'), kind: 'so_ket', heldOn: '2021-10-19', taskId: cityTask('2.2'),
    title: 'Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW gắn với kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh về thăm Hải Phòng (20/10/1946 – 20/10/2021)',
    participants: 'Lãnh đạo thành phố; đại diện các quận ủy, huyện ủy, đảng ủy trực thuộc; tập thể, cá nhân tiêu biểu',
    outcome: 'Đánh giá kết quả 5 năm; biểu dương các tập thể, cá nhân tiêu biểu; chỉ ra những nơi còn hình thức, báo cáo chưa sát thực tế.',
  });
  await events.createEvent(db, a, {
    ...base, organizerUnitId: ctx.unit('TU-HP'), kind: 'ky_niem', heldOn: '2021-10-20', taskId: cityTask('3.1'), venue: 'Khu tưởng niệm bến Ngự',
    title: 'Lễ kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh từ Pháp trở về nước qua bến Ngự, lần đầu tiên Người đến thăm Hải Phòng',
    participants: 'Lãnh đạo thành phố, các tầng lớp nhân dân', outcome: null,
  });
  await events.createEvent(db, a, {
    organizerUnitId: ctx.unit('CB-THCS-HOANGDIEU'), kind: 'hoc_tap', heldOn: '2021-05-19', planId: leChan.id, taskId: null, documentIds: [],
    title: 'Sinh hoạt chuyên đề "Hồ Chí Minh – đẹp nhất tên Người"', venue: 'Trường THCS Hoàng Diệu, quận Lê Chân',
    participants: 'Đảng viên chi bộ, giáo viên và học sinh nhà trường', participantCount: null,
    outcome: 'Mô hình được Quận ủy Lê Chân chọn để nhân rộng trong các trường học của quận.',
  });
}
