import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from './dates';
import {
  comparePeriodKeys, dueDate, isPeriodKey, parsePeriodKey, periodContaining, periodLabel, periodRange, periodsBetween,
  previousPeriods, shiftPeriod, type CutoffConvention,
} from './periods';

describe('period keys', () => {
  it('parses every kind of key and refuses look-alikes', () => {
    expect(parsePeriodKey('2021')).toEqual({ key: '2021', type: 'year', year: 2021, index: 0 });
    expect(parsePeriodKey('2021-H1')).toMatchObject({ type: 'half', year: 2021, index: 1 });
    expect(parsePeriodKey('2021-Q3')).toMatchObject({ type: 'quarter', year: 2021, index: 3 });
    expect(parsePeriodKey('2021-05')).toMatchObject({ type: 'month', year: 2021, index: 5 });
    expect(parsePeriodKey('2021-03-01..2021-04-15')).toMatchObject({ type: 'adhoc', year: 2021, adhoc: { start: '2021-03-01', end: '2021-04-15' } });
    for (const bad of ['2021-H3', '2021-Q0', '2021-Q5', '2021-13', '2021-00', '21', '2021-5', '2021-h1', '2021-04-15..2021-03-01', '2021-02-30..2021-03-01', '', 'x2021']) {
      expect(parsePeriodKey(bad), bad).toBeNull();
    }
    expect(isPeriodKey('2021-H2', 'half')).toBe(true);
    expect(isPeriodKey('2021-H2', 'year')).toBe(false);
  });
});

describe('calendar cut-off', () => {
  it('follows the calendar', () => {
    expect(periodRange('2021', 'calendar')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(periodRange('2021-H1', 'calendar')).toEqual({ start: '2021-01-01', end: '2021-06-30' });
    expect(periodRange('2021-H2', 'calendar')).toEqual({ start: '2021-07-01', end: '2021-12-31' });
    expect(periodRange('2021-Q1', 'calendar')).toEqual({ start: '2021-01-01', end: '2021-03-31' });
    expect(periodRange('2021-Q3', 'calendar')).toEqual({ start: '2021-07-01', end: '2021-09-30' });
    expect(periodRange('2024-02', 'calendar')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2021-02', 'calendar')).toEqual({ start: '2021-02-01', end: '2021-02-28' });
  });
});

describe('Decree 09/2019/NĐ-CP cut-off', () => {
  it('runs a year from 15 Dec of the year before to 14 Dec', () => {
    expect(periodRange('2021', 'decree09')).toEqual({ start: '2020-12-15', end: '2021-12-14' });
  });
  it('runs the first half from 15 Dec to 14 Jun and the second from 15 Jun to 14 Dec', () => {
    expect(periodRange('2021-H1', 'decree09')).toEqual({ start: '2020-12-15', end: '2021-06-14' });
    expect(periodRange('2021-H2', 'decree09')).toEqual({ start: '2021-06-15', end: '2021-12-14' });
  });
  it('starts a quarter on the 15th of the month before it', () => {
    expect(periodRange('2021-Q1', 'decree09')).toEqual({ start: '2020-12-15', end: '2021-03-14' });
    expect(periodRange('2021-Q3', 'decree09')).toEqual({ start: '2021-06-15', end: '2021-09-14' });
    expect(periodRange('2021-Q4', 'decree09')).toEqual({ start: '2021-09-15', end: '2021-12-14' });
  });
  it('runs a month from the 15th of the month before to the 14th', () => {
    expect(periodRange('2021-05', 'decree09')).toEqual({ start: '2021-04-15', end: '2021-05-14' });
    expect(periodRange('2021-01', 'decree09')).toEqual({ start: '2020-12-15', end: '2021-01-14' });
  });
  it('puts a day from the 15th on into the next period', () => {
    expect(periodContaining('year', '2021-12-14', 'decree09')).toBe('2021');
    expect(periodContaining('year', '2021-12-15', 'decree09')).toBe('2022');
    expect(periodContaining('half', '2021-06-14', 'decree09')).toBe('2021-H1');
    expect(periodContaining('half', '2021-06-15', 'decree09')).toBe('2021-H2');
    expect(periodContaining('half', '2020-12-20', 'decree09')).toBe('2021-H1');
    expect(periodContaining('quarter', '2021-03-15', 'decree09')).toBe('2021-Q2');
    expect(periodContaining('month', '2021-05-20', 'decree09')).toBe('2021-06');
    expect(periodContaining('month', '2021-05-20', 'calendar')).toBe('2021-05');
    expect(periodContaining('half', '2021-06-30', 'calendar')).toBe('2021-H1');
  });
});

describe('every day belongs to exactly one period', () => {
  const types = ['month', 'quarter', 'half', 'year'] as const;
  const conventions: CutoffConvention[] = ['calendar', 'decree09'];
  it('periodContaining and periodRange agree, and consecutive periods tile the timeline', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 365 * 30 }), fc.constantFrom(...types), fc.constantFrom(...conventions),
      (offset, type, convention) => {
        const day = addDays('2000-01-01', offset);
        const key = periodContaining(type, day, convention);
        const range = periodRange(key, convention);
        expect(range.start <= day && day <= range.end).toBe(true);
        // The next period starts the day after this one ends: no gap, no overlap.
        expect(periodRange(shiftPeriod(key, 1), convention).start).toBe(addDays(range.end, 1));
      },
    ), { numRuns: 400 });
  });
});

describe('period arithmetic', () => {
  it('shifts across year boundaries', () => {
    expect(shiftPeriod('2021-H1', -1)).toBe('2020-H2');
    expect(shiftPeriod('2021-Q1', -1)).toBe('2020-Q4');
    expect(shiftPeriod('2021-12', 1)).toBe('2022-01');
    expect(shiftPeriod('2021', 3)).toBe('2024');
    expect(previousPeriods('2021-H1', 3)).toEqual(['2020-H2', '2020-H1', '2019-H2']);
    expect(previousPeriods('2021-03-01..2021-04-15', 3)).toEqual([]);
    expect(periodsBetween('2020-Q3', '2021-Q2')).toEqual(['2020-Q3', '2020-Q4', '2021-Q1', '2021-Q2']);
    expect(() => periodsBetween('2021', '2021-H1')).toThrow();
  });
  it('orders keys in time', () => {
    expect(['2021-10', '2021-09', '2020-12'].sort(comparePeriodKeys)).toEqual(['2020-12', '2021-09', '2021-10']);
  });
  it('computes deadlines as offsets from the last day', () => {
    expect(dueDate('2021-H1', 'decree09', 5)).toBe('2021-06-19');
    expect(dueDate('2021-H1', 'calendar', 10)).toBe('2021-07-10');
    expect(dueDate('2021', 'calendar', 0)).toBe('2021-12-31');
    expect(dueDate('2021', 'decree09', 20)).toBe('2022-01-03');
  });
});

describe('period labels', () => {
  it('names periods as people write them', () => {
    expect(periodLabel('2021-H1')).toBe('6 tháng đầu năm 2021');
    expect(periodLabel('2021-H2')).toBe('6 tháng cuối năm 2021');
    expect(periodLabel('2021-Q3')).toBe('Quý III/2021');
    expect(periodLabel('2021-05')).toBe('Tháng 5/2021');
    expect(periodLabel('2021')).toBe('Năm 2021');
    expect(periodLabel('2021-03-01..2021-04-15')).toBe('Từ 01/03/2021 đến 15/04/2021');
    expect(periodLabel('2021-H1', 'en')).toBe('First half of 2021');
    expect(periodLabel('2021-Q3', 'en')).toBe('Q3 2021');
  });
});
