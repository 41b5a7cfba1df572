import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { historyOutlier, mad, median, modifiedZ, peerOutlier } from './outliers';
import { checkValues, definitionProblems, valueTypeProblems, type FormDefinition } from './report-form';
import { accumulate, aggregateValues, emptyAccumulator, mergeAccumulators, resultOf, type Accumulator } from './rollup';

const form: FormDefinition = {
  indicators: [
    { code: 'members', name: 'Tổng số đảng viên', type: 'integer', unit: 'đảng viên', aggregation: 'sum', required: true, min: 0 },
    { code: 'attending', name: 'Số đảng viên tham gia học tập', type: 'integer', unit: 'đảng viên', aggregation: 'sum', min: 0 },
    { code: 'cells', name: 'Số chi bộ', type: 'integer', aggregation: 'sum' },
    { code: 'cells_sessions', name: 'Số chi bộ sinh hoạt chuyên đề', type: 'integer', aggregation: 'sum' },
    { code: 'rate', name: 'Tỷ lệ hài lòng', type: 'percent', aggregation: 'weighted_avg', weightBy: 'members' },
    { code: 'has_model', name: 'Có mô hình mới', type: 'boolean', aggregation: 'count_yes' },
    { code: 'rating', name: 'Xếp loại', type: 'choice', aggregation: 'none', choices: ['Tốt', 'Khá', 'Trung bình'] },
  ],
  sections: [{ code: 'results', title: 'Kết quả đạt được', required: true }],
  rules: [
    { code: 'attend_le_members', left: 'attending', op: '<=', right: { indicator: 'members' }, severity: 'hard' },
    { code: 'sessions_le_cells', left: 'cells_sessions', op: '<=', right: { indicator: 'cells' }, severity: 'hard' },
    { code: 'attend_half', left: 'attending', op: '>=', right: { indicator: 'members', factor: 0.5 }, severity: 'soft', message: 'tỷ lệ tham gia thấp' },
  ],
};

describe('form definitions', () => {
  it('accepts a consistent form', () => {
    expect(definitionProblems(form)).toEqual([]);
  });
  it('names each inconsistency by field', () => {
    const bad: FormDefinition = {
      indicators: [
        { code: 'a', name: 'A', type: 'text', aggregation: 'sum' },
        { code: 'a', name: 'A2', type: 'integer', aggregation: 'sum' },
        { code: 'p', name: 'P', type: 'percent', aggregation: 'weighted_avg', weightBy: 'nope' },
        { code: 'c', name: 'C', type: 'choice', aggregation: 'none', choices: ['x'] },
        { code: 'r', name: 'R', type: 'integer', aggregation: 'sum', min: 10, max: 1 },
      ],
      sections: [],
      rules: [{ code: 'x', left: 'c', op: '<=', right: { indicator: 'zzz' }, severity: 'hard' }],
    };
    const fields = definitionProblems(bad).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining([
      'indicators.1.code', 'indicators.0.aggregation', 'indicators.2.weightBy', 'indicators.3.choices', 'indicators.4.max', 'rules.0.left', 'rules.0.right.indicator',
    ]));
  });
});

describe('values', () => {
  it('refuses values of the wrong type, naming the field', () => {
    const issues = valueTypeProblems(form, { members: 12.5, rate: 120, has_model: 'yes', rating: 'Xuất sắc', unknown: 1, cells: 4 });
    expect(issues.map((i) => i.field).sort()).toEqual(['values.has_model', 'values.members', 'values.rate', 'values.rating', 'values.unknown']);
  });
  it('blocks with hard rules that name the figures, and warns with soft ones', () => {
    const outcomes = checkValues(form, { members: 1000, attending: 1200, cells: 10, cells_sessions: 12 }, {});
    const hard = outcomes.filter((o) => o.severity === 'hard');
    expect(hard.map((o) => o.field).sort()).toEqual(['attending', 'cells_sessions', 'narrative.results']);
    const attend = hard.find((o) => o.ruleCode === 'attend_le_members')!;
    expect(attend.message.vi).toBe('"Số đảng viên tham gia học tập" (1.200) không được lớn hơn "Tổng số đảng viên" (1.000)');
    expect(attend.message.en).toBe('"Số đảng viên tham gia học tập" (1,200) must not exceed "Tổng số đảng viên" (1,000)');
    const soft = checkValues(form, { members: 1000, attending: 300 }, { results: 'x' });
    expect(soft).toHaveLength(1);
    expect(soft[0]).toMatchObject({ severity: 'soft', ruleCode: 'attend_half' });
    expect(soft[0].message.vi).toContain('× 0,5 = 500');
    expect(soft[0].message.vi).toContain('tỷ lệ tham gia thấp');
  });
  it('requires required figures and checks ranges', () => {
    const outcomes = checkValues(form, { members: -1 }, { results: 'ok' });
    expect(outcomes).toEqual([expect.objectContaining({ field: 'members', kind: 'range', severity: 'hard' })]);
    expect(checkValues(form, {}, { results: 'ok' })).toEqual([expect.objectContaining({ field: 'members', kind: 'required' })]);
  });
});

describe('aggregation', () => {
  it('aggregates each way', () => {
    const acc = aggregateValues(form, [
      { members: 100, attending: 90, rate: 80, has_model: true, rating: 'Tốt' },
      { members: 300, attending: 200, rate: 60, has_model: false },
      { members: 200, rate: 90, has_model: true },
    ]);
    expect(resultOf(acc.get('members')!, 'sum')).toBe(600);
    expect(resultOf(acc.get('attending')!, 'sum')).toBe(290);
    expect(resultOf(acc.get('attending')!, 'avg')).toBe(145);
    // (80·100 + 60·300 + 90·200) / 600 = 73.3333
    expect(resultOf(acc.get('rate')!, 'weighted_avg')).toBe(73.3333);
    expect(resultOf(acc.get('rate')!, 'min')).toBe(60);
    expect(resultOf(acc.get('rate')!, 'max')).toBe(90);
    expect(resultOf(acc.get('has_model')!, 'count_yes')).toBe(2);
    expect(acc.has('rating')).toBe(false);
  });
  it('merging accumulators equals accumulating everything at once', () => {
    const contribution = fc.record({ value: fc.integer({ min: -1000, max: 1000 }), weight: fc.option(fc.integer({ min: 0, max: 100 })) });
    fc.assert(fc.property(fc.array(contribution), fc.array(contribution), (xs, ys) => {
      const add = (acc: Accumulator, list: typeof xs) => list.reduce(accumulate, acc);
      const merged = mergeAccumulators(add(emptyAccumulator(), xs), add(emptyAccumulator(), ys));
      const whole = add(emptyAccumulator(), [...xs, ...ys]);
      expect(merged.n).toBe(whole.n);
      expect(merged.sum).toBe(whole.sum);
      expect(merged.wsum).toBe(whole.wsum);
      expect(merged.min).toBe(whole.min);
      expect(merged.max).toBe(whole.max);
    }));
  });
});

describe('outliers', () => {
  it('computes median and MAD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1);
  });
  it('flags an inflated figure among peers and explains it in words', () => {
    const peers = [110, 95, 120, 101, 98, 130, 105, 115, 99, 108, 112, 97, 104, 118];
    const finding = peerOutlier({ vi: 'Số buổi sinh hoạt chuyên đề', en: 'Thematic sessions' }, 480, peers, { vi: 'quận/huyện ủy cùng loại', en: 'peer district committees' })!;
    expect(finding.kind).toBe('peers');
    expect(finding.message.vi).toMatch(/^Số buổi sinh hoạt chuyên đề = 480 cao bất thường so với 14 quận\/huyện ủy cùng loại: gấp 4,\d+ lần trung vị \(106,5\); độ lệch chuẩn hóa [\d,]+, ngưỡng 3,5$/);
    expect(peerOutlier({ vi: 'x', en: 'x' }, 125, peers, { vi: 'a', en: 'a' })).toBeNull();
    expect(peerOutlier({ vi: 'x', en: 'x' }, 480, peers.slice(0, 4), { vi: 'a', en: 'a' })).toBeNull();
  });
  it('is not fooled when most peers report the same figure', () => {
    expect(modifiedZ(10, [10, 10, 10, 10, 10]).outlier).toBe(false);
    expect(modifiedZ(50, [10, 10, 10, 10, 10, 12]).outlier).toBe(true);
    expect(modifiedZ(11, [10, 10, 10, 10, 10]).score).toBe(Infinity);
  });
  it('compares with the unit’s own history', () => {
    expect(historyOutlier({ vi: 'X', en: 'X' }, 100, [30, 32, 29, 31])?.kind).toBe('history');
    expect(historyOutlier({ vi: 'X', en: 'X' }, 33, [30, 32, 29, 31])).toBeNull();
    const jump = historyOutlier({ vi: 'X', en: 'X' }, 90, [25])!;
    expect(jump.message.vi).toBe('X = 90 tăng vọt so với 1 kỳ trước (25): gấp 3,6 lần trung vị');
    expect(historyOutlier({ vi: 'X', en: 'X' }, 60, [25])).toBeNull();
  });
});

describe('issuer abbreviations for report numbers', async () => {
  const { issuerAbbreviation } = await import('../output/report-docx');
  it('takes the initials up to "ủy", without marks but keeping Đ', () => {
    expect(issuerAbbreviation('Thành ủy Hải Phòng')).toBe('TU');
    expect(issuerAbbreviation('Quận ủy Lê Chân')).toBe('QU');
    expect(issuerAbbreviation('Ban Tuyên giáo Thành ủy')).toBe('BTGTU');
    expect(issuerAbbreviation('Đảng ủy Khối các cơ quan thành phố')).toBe('ĐU');
  });
});
