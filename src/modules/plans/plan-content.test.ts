import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors';
import { compareContents, contentToTaskInput, flattenTaskInput, numberTasks, withAncestors, withDescendants, type ContentTask, type PlanContent } from './plan-content';
import { parsePlanNumber } from './plan-number';
import { taskPath } from './plan-validation';

const task = (id: number, parentId: number | null, position: number, title = `T${id}`): ContentTask => ({
  id, parentId, position, title, description: null, leadUnitId: 1, coordinatingUnitIds: [], startOn: null, dueOn: null,
  milestoneOn: null, expectedOutputs: null, parentPlanTaskId: null,
});

const content = (tasks: ContentTask[], patch: Partial<PlanContent> = {}): PlanContent => ({
  title: 'KH', issuingBody: 'BTV', year: 2021, purposes: ['a'], requirements: [], implementation: [], implementsDocumentIds: [],
  requiredUnitIds: [2, 3], concretizeDueOn: '2021-03-31', place: 'Hải Phòng', signerCapacity: null, signerTitle: null, signerName: null,
  recipients: [], tasks, ...patch,
});

describe('plan content', () => {
  it('numbers a task tree depth-first by position', () => {
    const tasks = [task(5, null, 1), task(1, null, 0), task(3, 1, 1), task(2, 1, 0), task(4, 2, 0)];
    expect(numberTasks(tasks).map((n) => `${n.number}:${n.task.id}:${n.depth}`)).toEqual(['1:1:0', '1.1:2:1', '1.1.1:4:2', '1.2:3:1', '2:5:0']);
  });

  it('flattens nested input with field paths, and rebuilds it', () => {
    const flat = flattenTaskInput([{ title: 'A', tasks: [{ title: 'A1' }, { title: 'A2', tasks: [{ title: 'A2a' }] }] }, { title: 'B' }]);
    expect(flat.map((f) => [f.path, f.parentIndex, f.depth])).toEqual([
      ['taskGroups.0', null, 0], ['taskGroups.0.tasks.0', 0, 1], ['taskGroups.0.tasks.1', 0, 1], ['taskGroups.0.tasks.1.tasks.0', 2, 2], ['taskGroups.1', null, 0],
    ]);
    expect(taskPath('2.1.3')).toBe('taskGroups.1.tasks.0.tasks.2');
    const rebuilt = contentToTaskInput([task(1, null, 0), task(2, 1, 0), task(3, null, 1)]);
    expect(rebuilt.map((g) => [g.id, g.tasks?.map((x) => x.id)])).toEqual([[1, [2]], [3, []]]);
  });

  it('takes a task with its subtasks and the groups above it', () => {
    const tasks = [task(1, null, 0), task(2, 1, 0), task(3, 2, 0), task(4, 1, 1), task(5, null, 1)];
    expect([...withDescendants(tasks, [2])].sort()).toEqual([2, 3]);
    expect([...withAncestors(tasks, [3])].sort()).toEqual([1, 2, 3]);
  });

  it('compares two versions: header fields, tasks added, removed, changed and renumbered', () => {
    const a = content([task(1, null, 0, 'Nhóm 1'), task(2, 1, 0, 'Việc cũ'), task(3, 1, 1), task(4, null, 1)]);
    const b = content([task(1, null, 0, 'Nhóm 1'), task(3, 1, 0), task(4, null, 1), task(6, 4, 0, 'Việc mới')], { title: 'KH sửa đổi', requiredUnitIds: [2] });
    const diff = compareContents(1, a, 2, b);
    expect(diff.fields.map((f) => f.field)).toEqual(['title', 'requiredUnitIds']);
    expect(diff.tasksAdded).toEqual([{ id: 6, number: '2.1', title: 'Việc mới' }]);
    expect(diff.tasksRemoved).toEqual([{ id: 2, number: '1.1', title: 'Việc cũ' }]);
    expect(diff.tasksChanged).toEqual([{ id: 3, number: '1.1', title: 'T3', changes: [{ field: 'position', before: 1, after: 0 }, { field: 'number', before: '1.2', after: '1.1' }] }]);
    expect(compareContents(1, a, 1, a)).toMatchObject({ fields: [], tasksAdded: [], tasksRemoved: [], tasksChanged: [] });
  });
});

describe('plan numbers', () => {
  it('reads the spacing and case variants people type, and prints the canonical form', () => {
    expect(parsePlanNumber('12-KH/TU')).toEqual({ number: '12', issuerCode: 'TU', text: '12-KH/TU' });
    expect(parsePlanNumber(' 12 - kh / tu ').text).toBe('12-KH/TU');
    expect(parsePlanNumber('Số 49-KH/BTGTU').text).toBe('49-KH/BTGTU');
    expect(parsePlanNumber('02-KH/ĐU').text).toBe('02-KH/ĐU');
  });

  it('names what is wrong', () => {
    expect(() => parsePlanNumber('12/KH-UBND')).toThrow(ValidationError);
    const error = (() => {
      try {
        parsePlanNumber('05-CT/TW', 'number');
        return null;
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.issues[0]).toMatchObject({ field: 'number', message: { en: "a plan's number must carry the KH symbol (it has CT)" } });
  });
});
