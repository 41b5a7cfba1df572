/**
 * The news part of the demo: what the portal published about the 2021 plan for Directive
 * 05-CT/TW, in our own words — the plan issued, the key-cadre conference, thematic sessions in a
 * district and a school, an inspection, the five-year review, the commendation, the 75th
 * anniversary — plus one article in review and one draft, which the public never sees.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor';
import type { Database } from '../db/schema';
import * as events from '../modules/events/events.service';
import * as categories from '../modules/news/news-category.service';
import type { NewsLinkKind } from '../modules/news/news.links';
import * as news from '../modules/news/news.service';
import * as plans from '../modules/plans/plans.service';

/** What this part needs from the demo context (the orgs part provides it). */
export interface NewsDemoContext {
  actor: Actor;
  log: (line: string) => void;
  unit(code: string): number;
}

type Status = 'published' | 'in_review' | 'draft';

interface DemoArticle {
  category: 'chi-dao' | 'co-so' | 'guong-sang';
  unit: string;
  title: string;
  summary: string;
  paragraphs: string[];
  author: string;
  source: string;
  publishAt: string;
  status: Status;
  /** What it reports on, once the plans module resolves plans and events. */
  about?: Array<{ kind: NewsLinkKind; key: string }>;
}

const CATEGORIES = [
  { key: 'chi-dao', name: 'Chỉ đạo, triển khai', description: 'Kế hoạch, hội nghị và chỉ đạo của Thành ủy về học tập và làm theo Bác.' },
  { key: 'co-so', name: 'Tin cơ sở', description: 'Sinh hoạt chuyên đề, cách làm hay ở quận, huyện, xã, phường và chi bộ.' },
  { key: 'guong-sang', name: 'Gương sáng', description: 'Tập thể, cá nhân tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.' },
] as const;

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    category: 'chi-dao', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-02-24T09:49:00+07:00',
    title: 'Thành ủy ban hành kế hoạch học tập và làm theo Bác năm 2021',
    summary: 'Ban Thường vụ Thành ủy đề ra sáu nhóm nhiệm vụ trọng tâm để tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị trong năm 2021.',
    paragraphs: [
      'Kế hoạch năm 2021 yêu cầu đưa việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh vào chương trình hành động toàn khóa và hằng năm của từng cấp ủy, gắn với nhiệm vụ chính trị của địa phương, cơ quan, đơn vị.',
      'Sáu nhóm nhiệm vụ gồm: cụ thể hóa vào chương trình công tác; sơ kết 5 năm thực hiện Chỉ thị; kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh lần đầu về thăm Hải Phòng; gắn Chỉ thị với Nghị quyết Trung ương 4 khóa XII; công tác tuyên truyền; kiểm tra, giám sát.',
      'Các quận ủy, huyện ủy và đảng ủy trực thuộc cụ thể hóa kế hoạch, đăng ký với Ban Thường vụ những vấn đề chọn giải quyết dứt điểm, và báo cáo định kỳ 6 tháng, 1 năm qua Ban Tuyên giáo Thành ủy.',
    ],
    author: 'Minh Thư', source: 'Ban Tuyên giáo Thành ủy', about: [{ kind: 'plan', key: 'plan-2021' }],
  },
  {
    category: 'chi-dao', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-04-09T16:30:00+07:00',
    title: 'Cán bộ chủ chốt toàn thành phố học tập chuyên đề năm 2021',
    summary: 'Hội nghị trực tuyến tới các điểm cầu quận, huyện quán triệt chuyên đề toàn khóa và chuyên đề năm 2021.',
    paragraphs: [
      'Hội nghị do Ban Thường vụ Thành ủy chỉ đạo tổ chức, kết nối trực tuyến tới điểm cầu của các quận ủy, huyện ủy và đảng ủy trực thuộc.',
      'Báo cáo viên gợi ý các cấp ủy chọn vấn đề sát thực tế để thảo luận trong sinh hoạt chuyên đề, tránh đọc lại tài liệu mà không liên hệ với công việc của đơn vị.',
    ],
    author: 'Hải Yến', source: 'Ban Tuyên giáo Thành ủy', about: [{ kind: 'event', key: 'event-cadres' }, { kind: 'plan', key: 'plan-2021' }],
  },
  {
    category: 'co-so', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-04-14T08:15:00+07:00',
    title: 'Quận ủy Lê Chân sinh hoạt chuyên đề gắn với cải cách hành chính',
    summary: 'Các chi bộ phường chọn việc giải quyết hồ sơ đúng hẹn làm nội dung làm theo Bác trong năm 2021.',
    paragraphs: [
      'Buổi sinh hoạt chuyên đề của Quận ủy Lê Chân dành phần lớn thời gian cho thảo luận: mỗi chi bộ nêu một việc cụ thể sẽ làm trong năm và cách đo kết quả.',
      'Quận ủy đăng ký với Ban Thường vụ Thành ủy nội dung “giải quyết dứt điểm hồ sơ trễ hẹn tại bộ phận một cửa”, báo cáo kết quả sau 6 tháng.',
    ],
    author: 'Quang Huy', source: 'Quận ủy Lê Chân', about: [{ kind: 'plan', key: 'plan-le-chan' }],
  },
  {
    category: 'co-so', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-05-19T10:00:00+07:00',
    title: 'Trường THCS Hoàng Diệu đưa bài học về Bác vào giờ sinh hoạt lớp',
    summary: 'Chuyên đề “Hồ Chí Minh – đẹp nhất tên Người” do học sinh tự dàn dựng nhân kỷ niệm 131 năm Ngày sinh Chủ tịch Hồ Chí Minh.',
    paragraphs: [
      'Theo hướng dẫn của Sở Giáo dục và Đào tạo, nhà trường lồng ghép bộ tài liệu “Bác Hồ và những bài học về đạo đức, lối sống dành cho học sinh” vào giờ sinh hoạt lớp và hoạt động ngoài giờ lên lớp.',
      'Chi bộ nhà trường giao mỗi đảng viên phụ trách một lớp, ghi lại những việc tốt của học sinh để biểu dương cuối học kỳ.',
    ],
    author: 'Thu Trang', source: 'Chi bộ Trường THCS Hoàng Diệu', about: [{ kind: 'event', key: 'event-school' }],
  },
  {
    category: 'chi-dao', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-08-26T16:00:00+07:00',
    title: 'Đoàn kiểm tra của Ban Thường vụ Thành ủy làm việc tại Quận ủy Ngô Quyền',
    summary: 'Đoàn kiểm tra đề nghị đánh giá kết quả làm theo Bác bằng việc làm cụ thể, tránh báo cáo chung chung.',
    paragraphs: [
      'Đoàn kiểm tra đối chiếu báo cáo 6 tháng với biên bản sinh hoạt chuyên đề của một số chi bộ và ghi nhận nhiều mô hình có thể nhân rộng.',
      'Đoàn lưu ý những số liệu chưa khớp giữa các biểu báo cáo và yêu cầu quận ủy rà soát, bảo đảm trung thực, nói đi đôi với làm.',
    ],
    author: 'Minh Thư', source: 'Ban Tuyên giáo Thành ủy', about: [{ kind: 'task', key: 'task-inspection' }],
  },
  {
    category: 'chi-dao', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-10-19T11:30:00+07:00',
    title: 'Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW, kỷ niệm 75 năm Ngày Bác Hồ về thăm Hải Phòng',
    summary: 'Hội nghị đánh giá kết quả 5 năm và ôn lại sự kiện Chủ tịch Hồ Chí Minh từ Pháp trở về nước qua bến Ngự, lần đầu tiên đến thăm Hải Phòng (20/10/1946).',
    paragraphs: [
      'Báo cáo sơ kết nêu rõ việc học tập và làm theo Bác đã đi vào nền nếp ở nhiều cấp ủy; sinh hoạt chuyên đề gắn với nhiệm vụ chính trị của từng đơn vị.',
      'Hội nghị cũng chỉ ra những nơi còn hình thức, báo cáo chưa sát thực tế, và đề ra yêu cầu kiểm tra, giám sát thường xuyên trong giai đoạn tới.',
    ],
    author: 'Hải Yến', source: 'Ban Tuyên giáo Thành ủy', about: [{ kind: 'event', key: 'event-review' }, { kind: 'plan', key: 'plan-2021' }],
  },
  {
    category: 'guong-sang', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-10-19T15:00:00+07:00',
    title: 'Biểu dương tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác',
    summary: 'Ban Thường vụ Thành ủy khen thưởng các tập thể và cá nhân có mô hình mới, cách làm sáng tạo trong 5 năm qua.',
    paragraphs: [
      'Các điển hình được giới thiệu từ cơ sở, qua bình xét công khai ở chi bộ, đảng bộ và được Ban Tuyên giáo Thành ủy thẩm định.',
      'Nhiều mô hình gắn với đời sống người dân: tổ hòa giải ở khu dân cư, tủ sách của thư viện trường học, nhóm tình nguyện chăm sóc người cao tuổi.',
    ],
    author: 'Quang Huy', source: 'Ban Tuyên giáo Thành ủy', about: [{ kind: 'event', key: 'event-review' }],
  },
  {
    category: 'chi-dao', unit: 'TU-HP-BTG', status: 'published', publishAt: '2021-10-20T10:45:00+07:00',
    title: 'Lễ kỷ niệm 75 năm Ngày Bác Hồ về thăm Hải Phòng tại bến Ngự',
    summary: 'Thành phố dâng hương tưởng niệm Chủ tịch Hồ Chí Minh nhân 75 năm Ngày Người từ Pháp trở về nước qua bến Ngự, lần đầu tiên đến thăm Hải Phòng.',
    paragraphs: [
      'Ngày 20/10/1946, trên đường từ Pháp trở về nước, Chủ tịch Hồ Chí Minh cập bến Ngự và lần đầu tiên đến thăm Hải Phòng.',
      'Tại lễ kỷ niệm, các đại biểu ôn lại những lời căn dặn của Bác với Đảng bộ và nhân dân thành phố, và nêu những việc làm cụ thể để học tập và làm theo Người trong năm tới.',
    ],
    author: 'Minh Thư', source: 'Ban Tuyên giáo Thành ủy', about: [{ kind: 'event', key: 'event-anniversary' }],
  },
  {
    category: 'co-so', unit: 'TU-HP-BTG', status: 'in_review', publishAt: '2021-12-10T08:00:00+07:00',
    title: 'Chi bộ khu dân cư đăng ký việc làm theo Bác năm 2022',
    summary: 'Bài đang chờ Ban biên tập duyệt.',
    paragraphs: ['Các chi bộ khu dân cư chọn việc làm cụ thể cho năm 2022 và công khai để nhân dân giám sát.'],
    author: 'Thu Trang', source: 'Ban Tuyên giáo Thành ủy',
  },
  {
    category: 'chi-dao', unit: 'TU-HP-BTG', status: 'draft', publishAt: '2021-12-30T08:00:00+07:00',
    title: 'Kết quả một năm học tập và làm theo Bác (bản nháp)',
    summary: 'Bản nháp tổng hợp, chưa gửi duyệt.',
    paragraphs: ['Số liệu đang được tổng hợp từ báo cáo năm của các quận, huyện ủy và đảng ủy trực thuộc.'],
    author: 'Minh Thư', source: 'Ban Tuyên giáo Thành ủy',
  },
];

/**
 * The records of the plans part of the demo the stories report on, found through the events it
 * recorded: the city's key-cadre conference, five-year review (and through it the city plan) and
 * anniversary, and the school's thematic session (and through it Lê Chân's plan); in the city
 * plan, its inspection task group.
 */
export async function demoNewsTargets(db: Kysely<Database>, ctx: NewsDemoContext): Promise<Map<string, number>> {
  const targets = new Map<string, number>();
  const { items } = await events.listEvents(db, ctx.actor, { from: '2021-01-01', to: '2021-12-31', limit: 200, offset: 0 });
  const city = ctx.unit('TU-HP');
  const school = ctx.unit('CB-THCS-HOANGDIEU');
  for (const e of items) {
    if (e.organizer.id === city && e.kind === 'so_ket') {
      targets.set('event-review', e.id);
      if (e.plan) targets.set('plan-2021', e.plan.id);
    } else if (e.organizer.id === city && e.kind === 'ky_niem') {
      targets.set('event-anniversary', e.id);
    } else if (e.organizer.id === city && e.kind === 'hoc_tap') {
      targets.set('event-cadres', e.id);
    } else if (e.organizer.id === school) {
      targets.set('event-school', e.id);
      if (e.plan) targets.set('plan-le-chan', e.plan.id);
    }
  }
  const cityPlan = targets.get('plan-2021');
  if (cityPlan !== undefined) {
    const { tasks } = await plans.getPlan(db, ctx.actor, cityPlan);
    const inspection = tasks.find((t) => t.depth === 0 && t.title.startsWith('Kiểm tra'));
    if (inspection) targets.set('task-inspection', inspection.id);
  }
  return targets;
}

function body(paragraphs: string[]): string {
  // Demo text is ours and plain; it still goes through the same sanitizer as anything an editor writes.
  return paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
}

/**
 * Categories and articles; `targets` maps an article's `about` keys to ids once the module
 * owning them (plans, events) has loaded its demo — links without a target are left out.
 */
export async function loadDemoNews(db: Kysely<Database>, ctx: NewsDemoContext, targets: Map<string, number> = new Map()): Promise<{ published: number }> {
  const categoryIds = new Map<string, number>();
  for (const [i, c] of CATEGORIES.entries()) {
    const created = await categories.createCategory(db, ctx.actor, { unitId: ctx.unit('TU-HP'), name: c.name, description: c.description, sortOrder: i + 1 });
    categoryIds.set(c.key, created.id);
  }
  let published = 0;
  for (const a of DEMO_ARTICLES) {
    const links = (a.about ?? []).filter((l) => targets.has(l.key)).map((l) => ({ kind: l.kind, id: targets.get(l.key)! }));
    let article = await news.createArticle(db, ctx.actor, {
      unitId: ctx.unit(a.unit), categoryId: categoryIds.get(a.category)!, title: a.title, summary: a.summary,
      bodyHtml: body(a.paragraphs), author: a.author, source: a.source, publishAt: a.publishAt, links,
    });
    if (a.status === 'draft') continue;
    article = await news.transition(db, ctx.actor, article.id, 'submit', { version: article.version });
    if (a.status === 'in_review') continue;
    await news.transition(db, ctx.actor, article.id, 'publish', { version: article.version });
    published += 1;
  }
  ctx.log(`Tin tức: ${CATEGORIES.length} chuyên mục, ${published} bài đã xuất bản, ${DEMO_ARTICLES.length - published} bài chưa công khai`);
  return { published };
}
