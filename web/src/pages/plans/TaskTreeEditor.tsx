/**
 * The task tree of a plan, edited in place: task groups at the top, tasks under them at any
 * depth, each with its lead unit (chủ trì), coordinating units (phối hợp), dates and outputs.
 * The form's names mirror the API ("taskGroups.0.tasks.1.leadUnitId"), so the server's field
 * errors land on the right input.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TASK_DEPTH } from '../../../../src/modules/plans/plans.contract';
import { UnitPicker } from '../../components/units/UnitPicker';
import { DATE_FORMAT } from '../../lib/dates';
import { PLANS_NS } from './i18n';

export interface TaskValues {
  id?: number;
  title: string;
  description?: string | null;
  leadUnitId?: number | null;
  coordinatingUnitIds?: number[];
  startOn?: Dayjs | null;
  dueOn?: Dayjs | null;
  milestoneOn?: Dayjs | null;
  expectedOutputs?: string | null;
  parentPlanTaskId?: number | null;
  tasks?: TaskValues[];
}

/** What every task editor needs: the day units are picked on, and the superior plan's task titles. */
export const TaskEditorContext = createContext<{ asOf: string; parentTasks: Map<number, string> }>({ asOf: '', parentTasks: new Map() });

type Name = Array<string | number>;

function TaskFields({ name, depth, index, count, remove, move }: {
  name: number; depth: number; index: number; count: number; remove(index: number): void; move(from: number, to: number): void;
}) {
  const { t } = useTranslation(PLANS_NS);
  const { t: tc } = useTranslation();
  const { asOf } = useContext(TaskEditorContext);
  return (
    <div className={`plan-task-editor${depth === 0 ? ' group' : ''}`} data-testid={`task-editor-${depth}-${index}`}>
      <Form.Item name={[name, 'id']} hidden><Input /></Form.Item>
      <Form.Item name={[name, 'parentPlanTaskId']} noStyle><ServesTag /></Form.Item>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
        <Form.Item name={[name, 'title']} label={depth === 0 ? t('editor.group') : t('editor.taskTitle')} style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
          rules={[{ required: true, whitespace: true, message: tc('fields.required') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Space size={2} style={{ paddingTop: 30 }}>
          <Tooltip title={t('editor.moveUp')}><Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('editor.moveUp')} /></Tooltip>
          <Tooltip title={t('editor.moveDown')}><Button size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => move(index, index + 1)} aria-label={t('editor.moveDown')} /></Tooltip>
          <Tooltip title={t('editor.remove')}><Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={t('editor.remove')} /></Tooltip>
        </Space>
      </div>
      <Form.Item name={[name, 'description']} label={t('editor.description')} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={10000} />
      </Form.Item>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
        <Form.Item name={[name, 'leadUnitId']} label={t('editor.lead')} style={{ flex: '1 1 240px', minWidth: 0, marginBottom: 8 }}>
          <UnitPicker asOf={asOf} aria-label={t('editor.lead')} />
        </Form.Item>
        <Form.Item name={[name, 'coordinatingUnitIds']} label={t('editor.coordinating')} style={{ flex: '2 1 300px', minWidth: 0, marginBottom: 8 }}>
          <UnitPicker multiple asOf={asOf} aria-label={t('editor.coordinating')} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
        {(['startOn', 'dueOn', 'milestoneOn'] as const).map((field) => (
          <Form.Item key={field} name={[name, field]} label={t(`editor.${field}`)} style={{ marginBottom: 8 }}>
            <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} />
          </Form.Item>
        ))}
        <Form.Item name={[name, 'expectedOutputs']} label={t('editor.outputs')} style={{ flex: '1 1 240px', minWidth: 0, marginBottom: 8 }}>
          <Input maxLength={5000} />
        </Form.Item>
      </div>
      {depth + 1 < MAX_TASK_DEPTH && <TaskList name={[name, 'tasks']} depth={depth + 1} />}
    </div>
  );
}

/** Holds the link to the superior plan's task (a form value) and shows which task it is. */
function ServesTag({ value }: { value?: number | null }) {
  const { t } = useTranslation(PLANS_NS);
  const { parentTasks } = useContext(TaskEditorContext);
  if (!value) return null;
  return <Tag color="blue" style={{ marginBottom: 4, whiteSpace: 'normal' }}>{t('detail.serves', { title: parentTasks.get(value) ?? `#${value}` })}</Tag>;
}

export function TaskList({ name, depth }: { name: Name | string; depth: number }) {
  const { t } = useTranslation(PLANS_NS);
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }) => (
        <div style={{ marginLeft: depth === 0 ? 0 : 8 }}>
          {fields.map((field, index) => (
            <TaskFields key={field.key} name={field.name} depth={depth} index={index} count={fields.length} remove={remove} move={move} />
          ))}
          <Button
            size="small" type={depth === 0 ? 'primary' : 'dashed'} ghost={depth === 0} icon={<PlusOutlined />}
            onClick={() => add({ title: '', coordinatingUnitIds: [], tasks: [] })} style={{ marginBottom: 8 }}
            data-testid={depth === 0 ? 'add-task-group' : undefined}
          >
            {depth === 0 ? t('editor.addGroup') : t('editor.addTask')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
