/**
 * What a report form is and what it demands of the figures, as pure logic:
 * indicators (typed, with a unit of measure and a way to aggregate up), narrative sections,
 * and rules between indicators. Hard rules (ranges, required figures, rules marked hard)
 * block submission; soft rules only warn. Every message names the figures involved.
 */
import type { FieldIssue, Localized } from './errors';

export type IndicatorType = 'integer' | 'decimal' | 'percent' | 'boolean' | 'choice' | 'text';
export const INDICATOR_TYPES: readonly IndicatorType[] = ['integer', 'decimal', 'percent', 'boolean', 'choice', 'text'];

/**
 * How a figure aggregates up the tree: sum; plain average; average weighted by another
 * indicator of the same report; min; max; count of units answering yes; none (kept per unit).
 */
export type Aggregation = 'sum' | 'avg' | 'weighted_avg' | 'min' | 'max' | 'count_yes' | 'none';
export const AGGREGATIONS: readonly Aggregation[] = ['sum', 'avg', 'weighted_avg', 'min', 'max', 'count_yes', 'none'];

export const AGGREGATIONS_BY_TYPE: Record<IndicatorType, readonly Aggregation[]> = {
  integer: ['sum', 'avg', 'weighted_avg', 'min', 'max', 'none'],
  decimal: ['sum', 'avg', 'weighted_avg', 'min', 'max', 'none'],
  percent: ['avg', 'weighted_avg', 'min', 'max', 'none'],
  boolean: ['count_yes', 'none'],
  choice: ['none'],
  text: ['none'],
};

export interface IndicatorSourceRef {
  /** Key of a registered record source, e.g. "orgs.units_of_kind" or "plans.child_plans_issued". */
  key: string;
  params?: Record<string, unknown>;
}

export interface IndicatorDef {
  code: string;
  name: string;
  type: IndicatorType;
  /** Unit of measure as printed: "chi bộ", "đảng viên", "%", "lượt". */
  unit?: string | null;
  aggregation: Aggregation;
  /** For weighted_avg: the indicator whose value weighs this one (e.g. members). */
  weightBy?: string | null;
  choices?: string[] | null;
  min?: number | null;
  max?: number | null;
  required?: boolean;
  /** Filled from records instead of typed (and locked). */
  source?: IndicatorSourceRef | null;
  /** Compare against peers per unit of this indicator (e.g. sessions per cell) rather than raw. */
  peerBasis?: string | null;
  group?: string | null;
  help?: string | null;
}

export interface SectionDef {
  code: string;
  title: string;
  help?: string | null;
  required?: boolean;
}

export type RuleOp = '<=' | '<' | '>=' | '>' | '=' | '!=';
export const RULE_OPS: readonly RuleOp[] = ['<=', '<', '>=', '>', '=', '!='];

export interface RuleDef {
  code: string;
  left: string;
  op: RuleOp;
  right: { indicator: string; factor?: number | null } | { value: number };
  severity: 'hard' | 'soft';
  /** Extra words shown after the figures, e.g. why the rule exists. */
  message?: string | null;
}

export interface FormDefinition {
  indicators: IndicatorDef[];
  sections: SectionDef[];
  rules: RuleDef[];
}

export type IndicatorValue = number | boolean | string | null;
export type Values = Record<string, IndicatorValue>;
export type Narrative = Record<string, string>;

/** The default narrative sections of a Party periodic report. */
export const DEFAULT_SECTIONS: SectionDef[] = [
  { code: 'results', title: 'Kết quả đạt được' },
  { code: 'limitations', title: 'Hạn chế, nguyên nhân' },
  { code: 'lessons', title: 'Bài học kinh nghiệm' },
  { code: 'next_tasks', title: 'Nhiệm vụ kỳ tới' },
  { code: 'proposals', title: 'Đề xuất, kiến nghị' },
];

export const isNumericType = (type: IndicatorType) => type === 'integer' || type === 'decimal' || type === 'percent';

/** Problems with a form definition itself (codes, references, aggregations), each naming the field. */
export function definitionProblems(def: FormDefinition): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (field: string, vi: string, en: string) => issues.push({ field, message: { vi, en } });
  const byCode = new Map<string, IndicatorDef>();
  def.indicators.forEach((ind, i) => {
    if (byCode.has(ind.code)) issue(`indicators.${i}.code`, `mã chỉ tiêu "${ind.code}" bị lặp`, `indicator code "${ind.code}" is repeated`);
    byCode.set(ind.code, ind);
  });
  def.indicators.forEach((ind, i) => {
    const at = `indicators.${i}`;
    if (!AGGREGATIONS_BY_TYPE[ind.type].includes(ind.aggregation)) {
      issue(`${at}.aggregation`, `chỉ tiêu kiểu ${ind.type} không tổng hợp bằng "${ind.aggregation}" (được: ${AGGREGATIONS_BY_TYPE[ind.type].join(', ')})`,
        `a ${ind.type} indicator cannot aggregate by "${ind.aggregation}" (allowed: ${AGGREGATIONS_BY_TYPE[ind.type].join(', ')})`);
    }
    if (ind.aggregation === 'weighted_avg') {
      const w = ind.weightBy ? byCode.get(ind.weightBy) : undefined;
      if (!ind.weightBy) issue(`${at}.weightBy`, 'bình quân gia quyền cần chỉ tiêu làm quyền số', 'a weighted average needs a weighting indicator');
      else if (!w || w.code === ind.code || (w.type !== 'integer' && w.type !== 'decimal')) {
        issue(`${at}.weightBy`, `quyền số "${ind.weightBy}" phải là một chỉ tiêu số khác trong biểu mẫu`, `weight "${ind.weightBy}" must be another numeric indicator of the form`);
      }
    } else if (ind.weightBy) {
      issue(`${at}.weightBy`, 'chỉ dùng quyền số khi tổng hợp bình quân gia quyền', 'a weight applies only to weighted averages');
    }
    if (ind.type === 'choice' && (!ind.choices || ind.choices.length < 2)) issue(`${at}.choices`, 'chỉ tiêu lựa chọn cần ít nhất 2 phương án', 'a choice indicator needs at least two choices');
    if (ind.type !== 'choice' && ind.choices && ind.choices.length) issue(`${at}.choices`, 'chỉ chỉ tiêu kiểu lựa chọn mới có phương án', 'only choice indicators have choices');
    if ((ind.min != null || ind.max != null) && !isNumericType(ind.type)) issue(`${at}.min`, 'chỉ chỉ tiêu số mới có khoảng giá trị', 'only numeric indicators have a range');
    if (ind.min != null && ind.max != null && ind.min > ind.max) issue(`${at}.max`, `giá trị tối đa (${ind.max}) nhỏ hơn tối thiểu (${ind.min})`, `max (${ind.max}) is below min (${ind.min})`);
    if (ind.peerBasis) {
      const b = byCode.get(ind.peerBasis);
      if (!b || b.code === ind.code || !isNumericType(b.type) || !isNumericType(ind.type)) {
        issue(`${at}.peerBasis`, `"${ind.peerBasis}" phải là một chỉ tiêu số khác trong biểu mẫu`, `"${ind.peerBasis}" must be another numeric indicator of the form`);
      }
    }
  });
  const sectionCodes = new Set<string>();
  def.sections.forEach((s, i) => {
    if (sectionCodes.has(s.code)) issue(`sections.${i}.code`, `mã phần "${s.code}" bị lặp`, `section code "${s.code}" is repeated`);
    sectionCodes.add(s.code);
  });
  const ruleCodes = new Set<string>();
  def.rules.forEach((r, i) => {
    const at = `rules.${i}`;
    if (ruleCodes.has(r.code)) issue(`${at}.code`, `mã quy tắc "${r.code}" bị lặp`, `rule code "${r.code}" is repeated`);
    ruleCodes.add(r.code);
    const left = byCode.get(r.left);
    if (!left || !isNumericType(left.type)) issue(`${at}.left`, `"${r.left}" không phải chỉ tiêu số của biểu mẫu`, `"${r.left}" is not a numeric indicator of the form`);
    if ('indicator' in r.right) {
      const right = byCode.get(r.right.indicator);
      if (!right || !isNumericType(right.type)) issue(`${at}.right.indicator`, `"${r.right.indicator}" không phải chỉ tiêu số của biểu mẫu`, `"${r.right.indicator}" is not a numeric indicator of the form`);
      if (r.right.indicator === r.left) issue(`${at}.right.indicator`, 'hai vế phải là hai chỉ tiêu khác nhau', 'both sides must be different indicators');
    }
  });
  if (def.indicators.length === 0 && def.sections.length === 0) issue('indicators', 'biểu mẫu cần ít nhất một chỉ tiêu hoặc một phần báo cáo', 'a form needs at least one indicator or section');
  return issues;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const numberFormatEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "12.500" in Vietnamese, "12,500" in English. */
export function formatFigure(value: number, lang: 'vi' | 'en' = 'vi'): string {
  return (lang === 'vi' ? numberFormat : numberFormatEn).format(value);
}

/**
 * Type checks of typed values (drafts too): a value of the wrong kind is refused at once.
 * Unknown codes and values typed into record-sourced indicators are refused as well.
 */
export function valueTypeProblems(def: FormDefinition, values: Values, field = 'values'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byCode = new Map(def.indicators.map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(values)) {
    const ind = byCode.get(code);
    const at = `${field}.${code}`;
    const issue = (vi: string, en: string) => issues.push({ field: at, message: { vi, en } });
    if (!ind) {
      issue('không có chỉ tiêu này trong biểu mẫu', 'no such indicator in the form');
      continue;
    }
    if (value === null) continue;
    if (ind.source) {
      issue(`"${ind.name}" được lấy từ dữ liệu đã ghi nhận, không nhập tay`, `"${ind.name}" is filled from records and cannot be typed`);
      continue;
    }
    switch (ind.type) {
      case 'integer':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) issue(`"${ind.name}" phải là số nguyên`, `"${ind.name}" must be a whole number`);
        break;
      case 'decimal':
      case 'percent':
        if (typeof value !== 'number' || !Number.isFinite(value)) issue(`"${ind.name}" phải là số`, `"${ind.name}" must be a number`);
        else if (ind.type === 'percent' && (value < 0 || value > 100)) issue(`"${ind.name}" là tỷ lệ phần trăm, phải từ 0 đến 100`, `"${ind.name}" is a percentage, 0 to 100`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') issue(`"${ind.name}" phải là có/không`, `"${ind.name}" must be yes or no`);
        break;
      case 'choice':
        if (typeof value !== 'string' || !(ind.choices ?? []).includes(value)) issue(`"${ind.name}" phải là một trong: ${(ind.choices ?? []).join('; ')}`, `"${ind.name}" must be one of: ${(ind.choices ?? []).join('; ')}`);
        break;
      case 'text':
        if (typeof value !== 'string') issue(`"${ind.name}" phải là chữ`, `"${ind.name}" must be text`);
        else if (value.length > 1000) issue(`"${ind.name}" tối đa 1000 ký tự`, `"${ind.name}" is at most 1000 characters`);
        break;
    }
  }
  return issues;
}

export interface RuleOutcome {
  /** Indicator code, rule code or section code the problem concerns. */
  field: string;
  severity: 'hard' | 'soft';
  kind: 'required' | 'range' | 'rule';
  ruleCode?: string;
  message: Localized;
}

const OPS: Record<RuleOp, (a: number, b: number) => boolean> = {
  '<=': (a, b) => a <= b + 1e-9, '<': (a, b) => a < b, '>=': (a, b) => a >= b - 1e-9, '>': (a, b) => a > b,
  '=': (a, b) => Math.abs(a - b) <= 1e-9, '!=': (a, b) => Math.abs(a - b) > 1e-9,
};
const OP_WORDS: Record<RuleOp, [string, string]> = {
  '<=': ['không được lớn hơn', 'must not exceed'], '<': ['phải nhỏ hơn', 'must be less than'],
  '>=': ['không được nhỏ hơn', 'must not be less than'], '>': ['phải lớn hơn', 'must be greater than'],
  '=': ['phải bằng', 'must equal'], '!=': ['phải khác', 'must differ from'],
};

/**
 * Checks a complete set of values (typed and record-sourced) against the form: required
 * figures and sections, ranges, and the rules between indicators. Used at submission (hard
 * outcomes block it) and to flag figures for reviewers.
 */
export function checkValues(def: FormDefinition, values: Values, narrative: Narrative = {}): RuleOutcome[] {
  const out: RuleOutcome[] = [];
  const byCode = new Map(def.indicators.map((i) => [i.code, i]));
  const num = (code: string): number | null => {
    const v = values[code];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  for (const ind of def.indicators) {
    const v = values[ind.code];
    if (ind.required && (v === null || v === undefined || v === '')) {
      out.push({ field: ind.code, severity: 'hard', kind: 'required', message: { vi: `Chưa nhập "${ind.name}"`, en: `"${ind.name}" is required` } });
      continue;
    }
    const n = num(ind.code);
    if (n === null) continue;
    if (ind.min != null && n < ind.min) {
      out.push({ field: ind.code, severity: 'hard', kind: 'range', message: {
        vi: `"${ind.name}" = ${formatFigure(n)} nhỏ hơn mức tối thiểu ${formatFigure(ind.min)}`,
        en: `"${ind.name}" = ${formatFigure(n, 'en')} is below the minimum ${formatFigure(ind.min, 'en')}` } });
    }
    if (ind.max != null && n > ind.max) {
      out.push({ field: ind.code, severity: 'hard', kind: 'range', message: {
        vi: `"${ind.name}" = ${formatFigure(n)} vượt mức tối đa ${formatFigure(ind.max)}`,
        en: `"${ind.name}" = ${formatFigure(n, 'en')} exceeds the maximum ${formatFigure(ind.max, 'en')}` } });
    }
  }
  for (const section of def.sections) {
    if (section.required && !(narrative[section.code] ?? '').trim()) {
      out.push({ field: `narrative.${section.code}`, severity: 'hard', kind: 'required', message: { vi: `Chưa viết phần "${section.title}"`, en: `Section "${section.title}" is required` } });
    }
  }
  for (const rule of def.rules) {
    const left = num(rule.left);
    const leftDef = byCode.get(rule.left);
    if (left === null || !leftDef) continue;
    let right: number | null;
    let rightVi: string;
    let rightEn: string;
    if ('value' in rule.right) {
      right = rule.right.value;
      rightVi = formatFigure(right);
      rightEn = formatFigure(right, 'en');
    } else {
      const base = num(rule.right.indicator);
      const rightDef = byCode.get(rule.right.indicator);
      if (base === null || !rightDef) continue;
      const factor = rule.right.factor ?? 1;
      right = base * factor;
      const times = factor === 1 ? '' : ` × ${formatFigure(factor)}`;
      const timesEn = factor === 1 ? '' : ` × ${formatFigure(factor, 'en')}`;
      rightVi = `"${rightDef.name}" (${formatFigure(base)})${times}${factor === 1 ? '' : ` = ${formatFigure(right)}`}`;
      rightEn = `"${rightDef.name}" (${formatFigure(base, 'en')})${timesEn}${factor === 1 ? '' : ` = ${formatFigure(right, 'en')}`}`;
    }
    if (OPS[rule.op](left, right)) continue;
    const extra = rule.message ? ` — ${rule.message}` : '';
    out.push({
      field: rule.left, severity: rule.severity, kind: 'rule', ruleCode: rule.code,
      message: {
        vi: `"${leftDef.name}" (${formatFigure(left)}) ${OP_WORDS[rule.op][0]} ${rightVi}${extra}`,
        en: `"${leftDef.name}" (${formatFigure(left, 'en')}) ${OP_WORDS[rule.op][1]} ${rightEn}${extra}`,
      },
    });
  }
  return out;
}

/** Values a new form version keeps from an old draft: same code, same type. */
export function carryValues(from: FormDefinition, to: FormDefinition, values: Values): Values {
  const oldTypes = new Map(from.indicators.map((i) => [i.code, i.type]));
  const out: Values = {};
  for (const ind of to.indicators) {
    if (ind.source) continue;
    if (oldTypes.get(ind.code) === ind.type && values[ind.code] !== undefined) out[ind.code] = values[ind.code];
  }
  return out;
}
