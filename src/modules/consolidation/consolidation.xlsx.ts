/** The consolidation as a workbook: units × indicators, periods × indicators, completeness, restructuring map. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { formatVnDate, todayVn } from '../../core/dates';
import { slugify } from '../../core/text';
import type { Database } from '../../db/schema';
import { tablesWorkbook, type TableSheet } from '../../output/report-xlsx';
import type { ConsolidationQuery } from './consolidation.contract';
import { completeness, trend } from './consolidation.completeness';
import { consolidate } from './consolidation.service';

type Db = Kysely<Database>;

export const STATUS_VI: Record<string, string> = {
  on_time: 'Đúng hạn', late: 'Chậm', missing: 'Chưa gửi', returned: 'Bị trả lại', not_due: 'Chưa đến hạn',
};
export const RULE_VI: Record<string, string> = {
  merged: 'Sáp nhập/hợp nhất', successor: 'Đơn vị kế thừa', absorbed_by_parent: 'Giải thể, chuyển về cấp trên',
  split_undivided: 'Chia tách, giữ nguyên không chia', lost: 'Không còn đơn vị nhận', same: 'Giữ nguyên',
};

export async function consolidationXlsx(db: Db, actor: Actor | null, q: ConsolidationQuery) {
  const c = await consolidate(db, actor, q, 'vi');
  const header = (name: string, unit: string | null) => (unit ? `${name} (${unit})` : name);
  const lines = [
    `Kỳ: ${c.period.label} (${formatVnDate(c.period.start)} – ${formatVnDate(c.period.end)}), hạn ${formatVnDate(c.period.dueDate)}`,
    c.structure === 'then' ? `Theo cơ cấu tổ chức tại ngày ${formatVnDate(c.treeDate)}` : `Theo cơ cấu tổ chức hiện nay (${formatVnDate(c.treeDate)})`,
    `Số báo cáo đã tiếp nhận: ${c.included.count}; chưa có: ${c.missing.count}`,
  ];
  const sheets: TableSheet[] = [{
    name: 'Theo đơn vị', title: `${c.schedule.name} — ${c.unit.name}`, lines,
    columns: ['Đơn vị', ...c.indicators.map((i) => header(i.name, i.unit)), 'Số báo cáo'],
    rows: [
      ...c.rows.map((r) => [r.role === 'own' ? `${r.name} (số liệu của đơn vị)` : r.role === 'direct' ? `${r.name} (trực tiếp)` : r.name, ...c.indicators.map((i) => r.values[i.code] ?? null), r.reports]),
      ['Tổng cộng', ...c.indicators.map((i) => c.figures[i.code]?.value ?? null), c.included.count],
    ],
    totalRow: true,
  }];
  const t = await trend(db, actor, { unit: q.unit, schedule: c.schedule.id }, 'vi');
  sheets.push({
    name: 'Theo kỳ', title: `${c.schedule.name} — ${c.unit.name}: các kỳ báo cáo`, lines: ['Theo cơ cấu tổ chức tại cuối mỗi kỳ'],
    columns: ['Kỳ báo cáo', ...t.indicators.map((i) => header(i.name, i.unit)), 'Số báo cáo'],
    rows: t.periods.map((p) => [p.label, ...t.indicators.map((i) => p.values[i.code] ?? null), p.reports]),
  });
  if (c.structure === 'then') {
    const done = await completeness(db, actor, { unit: q.unit, period: q.period, schedule: c.schedule.id }, 'vi');
    sheets.push({
      name: 'Tình hình báo cáo', title: `Tình hình gửi báo cáo ${c.period.label}`, lines: [`Tính đến ngày ${formatVnDate(todayVn())}`],
      columns: ['Đơn vị', 'Tình trạng', 'Hạn gửi', 'Ngày gửi lần đầu', 'Số ngày chậm', 'Xem xét'],
      rows: done.units.map((u) => [u.name, STATUS_VI[u.status], formatVnDate(done.period.dueDate), u.firstSubmittedAt ? formatVnDate(todayVn(new Date(u.firstSubmittedAt))) : null, u.daysLate, u.review]),
      widths: [40, 16, 12, 16, 12, 12],
    });
  } else {
    sheets.push({
      name: 'Chuyển đổi cơ cấu', title: 'Số liệu của đơn vị cũ được chuyển về đơn vị hiện nay', lines: [c.rule ?? ''],
      columns: ['Đơn vị cũ', 'Đơn vị hiện nay nhận số liệu', 'Cách chuyển', 'Các đơn vị được chia'],
      rows: c.mapping.map((m) => [m.fromName, m.toName, RULE_VI[m.rule] ?? m.rule, m.among.map((a) => a.name).join('; ') || null]),
      widths: [40, 40, 30, 50],
    });
  }
  const bytes = await tablesWorkbook(sheets);
  return { bytes, filename: `tong-hop-${slugify(c.unit.name)}-${c.period.key}-${c.structure}.xlsx`, consolidation: c };
}
