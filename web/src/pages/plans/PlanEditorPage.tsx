/**
 * Drafting a plan (new, or the working copy of a draft or an open amendment): general facts,
 * purposes and requirements, the documents it implements, the units that must concretize it,
 * the task tree with lead and coordinating units, implementation, signature and recipients.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Skeleton, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { createPlanBody, planContentBody } from '../../../../src/modules/plans/plans.contract';
import { createPlan, getPlan, savePlan, type Plan, type PlanTaskInput } from '../../api/plans';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, toDayjs, toIso, todayVn } from '../../lib/dates';
import { DocumentSelect } from './DocumentSelect';
import { PLANS_NS } from './i18n';
import './plans.css';
import { TaskEditorContext, TaskList, type TaskValues } from './TaskTreeEditor';

interface Values {
  issuerUnitId?: number;
  title: string;
  issuingBody: string;
  year: number;
  place: string;
  purposes: string[];
  requirements: string[];
  implementsDocumentIds: number[];
  requiredUnitIds: number[];
  concretizeDueOn: Dayjs | null;
  signerCapacity?: string | null;
  signerTitle?: string | null;
  signerName?: string | null;
  recipients: string[];
  implementation: Array<{ responsible: string; unitIds: number[]; duties: string }>;
  taskGroups: TaskValues[];
}

const DRAFTERS = new Set(['admin', 'leader', 'coordinator', 'reporter']);

/** The day units are picked on: today, kept inside the plan's year (as the server judges drafts). */
function dayInYear(year: number): string {
  const today = todayVn();
  return today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today;
}

function toTaskValues(plan: Plan, parentId: number | null = null): TaskValues[] {
  return plan.tasks.filter((task) => task.parentId === parentId).map((task) => ({
    id: task.id, title: task.title, description: task.description, leadUnitId: task.leadUnit?.id ?? null,
    coordinatingUnitIds: task.coordinatingUnits.map((u) => u.id), startOn: toDayjs(task.startOn), dueOn: toDayjs(task.dueOn),
    milestoneOn: toDayjs(task.milestoneOn), expectedOutputs: task.expectedOutputs, parentPlanTaskId: task.parentPlanTaskId,
    tasks: toTaskValues(plan, task.id),
  }));
}

function fromTaskValues(tasks: TaskValues[] | undefined): PlanTaskInput[] {
  return (tasks ?? []).map((task) => ({
    ...(task.id ? { id: Number(task.id) } : {}),
    title: task.title ?? '', description: task.description?.trim() || null, leadUnitId: task.leadUnitId ?? null,
    coordinatingUnitIds: task.coordinatingUnitIds ?? [], startOn: toIso(task.startOn) ?? null, dueOn: toIso(task.dueOn) ?? null,
    milestoneOn: toIso(task.milestoneOn) ?? null, expectedOutputs: task.expectedOutputs?.trim() || null,
    parentPlanTaskId: task.parentPlanTaskId ?? null, tasks: fromTaskValues(task.tasks),
  }));
}

function TextList({ name, addLabel, rows = 2 }: { name: string; addLabel: string; rows?: number }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <Form.Item name={field.name} style={{ flex: 1, minWidth: 0, marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: rows === 1 ? 1 : 2, maxRows: 8 }} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} danger onClick={() => remove(field.name)} aria-label="x" />
            </div>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>{addLabel}</Button>
        </>
      )}
    </Form.List>
  );
}

export default function PlanEditorPage() {
  const { t } = useTranslation(PLANS_NS);
  const { t: tc } = useTranslation();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plan = useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => getPlan(id!), enabled: id !== null });
  const parent = useQuery({
    queryKey: ['plans', 'detail', plan.data?.parentPlan?.id],
    queryFn: () => getPlan(plan.data!.parentPlan!.id),
    enabled: !!plan.data?.parentPlan,
  });
  const parentTasks = useMemo(() => new Map((parent.data?.tasks ?? []).map((task) => [task.id, `${task.number}. ${task.title}`])), [parent.data]);
  const year = Form.useWatch('year', form) ?? plan.data?.year ?? Number(todayVn().slice(0, 4));
  const asOf = plan.data && plan.data.status !== 'draft' ? plan.data.refDate : dayInYear(year);

  const initial: Partial<Values> | null = useMemo(() => {
    if (id === null) {
      const unit = me.grants.find((g) => DRAFTERS.has(g.role))?.unitId;
      return {
        issuerUnitId: unit, year: Number(todayVn().slice(0, 4)), purposes: [''], requirements: [''], implementsDocumentIds: [],
        requiredUnitIds: [], concretizeDueOn: null, recipients: [], implementation: [], taskGroups: [{ title: '', coordinatingUnitIds: [], tasks: [] }],
      };
    }
    const p = plan.data;
    if (!p) return null;
    return {
      title: p.title, issuingBody: p.issuingBody, year: p.year, place: p.place, purposes: p.purposes, requirements: p.requirements,
      implementsDocumentIds: p.implements.map((d) => d.id), requiredUnitIds: p.requiredUnits.map((u) => u.id),
      concretizeDueOn: toDayjs(p.concretizeDueOn), signerCapacity: p.signerCapacity, signerTitle: p.signerTitle, signerName: p.signerName,
      recipients: p.recipients, implementation: p.implementation.map((i) => ({ responsible: i.responsible, unitIds: i.units.map((u) => u.id), duties: i.duties })),
      taskGroups: toTaskValues(p),
    };
  }, [id, plan.data, me.grants]);

  const submit = async (values: Values) => {
    setError(null);
    const text = (list: string[] | undefined) => (list ?? []).map((x) => x?.trim()).filter(Boolean) as string[];
    const content = {
      title: values.title, issuingBody: values.issuingBody, year: values.year, place: values.place,
      purposes: text(values.purposes), requirements: text(values.requirements), implementation: values.implementation ?? [],
      implementsDocumentIds: values.implementsDocumentIds ?? [], requiredUnitIds: values.requiredUnitIds ?? [],
      concretizeDueOn: toIso(values.concretizeDueOn) ?? null,
      signerCapacity: values.signerCapacity?.trim() || null, signerTitle: values.signerTitle?.trim() || null, signerName: values.signerName?.trim() || null,
      recipients: text(values.recipients), taskGroups: fromTaskValues(values.taskGroups),
    };
    const body = id === null
      ? validateBody(form, createPlanBody, { ...content, issuerUnitId: values.issuerUnitId })
      : validateBody(form, planContentBody, content);
    if (!body) {
      setError(t('editor.unsavedProblems'));
      return;
    }
    setBusy(true);
    try {
      const saved = id === null ? await createPlan(body as Parameters<typeof createPlan>[0]) : await savePlan(id, body);
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      message.success(id === null ? t('editor.created') : t('editor.saved'));
      navigate(`/plans/${saved.id}`);
    } catch (e) {
      setError(applyApiError(form, e) ?? t('editor.unsavedProblems'));
    } finally {
      setBusy(false);
    }
  };

  if (id !== null && plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon message={errorText(plan.error)} />;
  if (!initial) return null;
  if (plan.data && !plan.data.can.edit) {
    return <Alert type="info" showIcon message={t('editor.notEditable')} action={<Button onClick={() => navigate(`/plans/${plan.data.id}`)}>{tc('actions.back')}</Button>} />;
  }
  const half = { flex: '1 1 260px', minWidth: 0 };

  return (
    <>
      <PageTitle title={id === null ? t('editor.newTitle') : `${t('editor.editTitle')}: ${plan.data?.title ?? ''}`} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={busy} data-testid="plan-editor"
        onFinishFailed={() => setError(t('editor.unsavedProblems'))} scrollToFirstError>
        <Card size="small" title={t('editor.general')} style={{ marginBottom: 12 }}>
          {id === null && (
            <Form.Item name="issuerUnitId" label={t('editor.issuerUnit')} rules={[zodRule(createPlanBody.shape.issuerUnitId)]}>
              <UnitPicker asOf={asOf} aria-label={t('editor.issuerUnit')} />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('editor.titleField')} rules={[zodRule(planContentBody.shape.title)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
            <Form.Item name="issuingBody" label={t('editor.issuingBody')} extra={t('editor.issuingBodyHint')} style={half} rules={[zodRule(planContentBody.shape.issuingBody)]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="year" label={t('editor.year')} rules={[zodRule(planContentBody.shape.year)]}>
              <InputNumber<number> min={1930} max={2100} disabled={!!plan.data && plan.data.status !== 'draft'} />
            </Form.Item>
            <Form.Item name="place" label={t('editor.place')} rules={[zodRule(planContentBody.shape.place)]}>
              <Input maxLength={100} />
            </Form.Item>
          </div>
          <Form.Item name="implementsDocumentIds" label={t('editor.implements')}>
            <DocumentSelect known={plan.data?.implements ?? []} placeholder={t('editor.implementsPlaceholder')} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('editor.purposes')} style={{ marginBottom: 12 }}><TextList name="purposes" addLabel={t('editor.addPurpose')} /></Card>
        <Card size="small" title={t('editor.requirements')} style={{ marginBottom: 12 }}><TextList name="requirements" addLabel={t('editor.addRequirement')} /></Card>
        <Card size="small" title={t('editor.tasks')} style={{ marginBottom: 12 }}>
          <TaskEditorContext.Provider value={{ asOf, parentTasks }}>
            <TaskList name="taskGroups" depth={0} />
          </TaskEditorContext.Provider>
        </Card>
        <Card size="small" title={t('editor.cascade')} style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
            <Form.Item name="requiredUnitIds" label={t('editor.requiredUnits')} style={{ flex: '3 1 320px', minWidth: 0 }}>
              <UnitPicker multiple asOf={asOf} aria-label={t('editor.requiredUnits')} />
            </Form.Item>
            <Form.Item name="concretizeDueOn" label={t('editor.concretizeDueOn')}>
              <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" title={t('editor.implementation')} style={{ marginBottom: 12 }}>
          <Form.List name="implementation">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <div key={field.key} className="plan-task-editor">
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px', alignItems: 'flex-start' }}>
                      <Form.Item name={[field.name, 'responsible']} label={t('editor.responsible')} style={half} rules={[{ required: true, whitespace: true, message: tc('fields.required') }]}>
                        <Input maxLength={500} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'unitIds']} label={t('editor.responsibleUnits')} style={half}>
                        <UnitPicker multiple asOf={asOf} />
                      </Form.Item>
                      <Button danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} aria-label={t('editor.remove')} />
                    </div>
                    <Form.Item name={[field.name, 'duties']} label={t('editor.duties')} rules={[{ required: true, whitespace: true, message: tc('fields.required') }]}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
                    </Form.Item>
                  </div>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ responsible: '', unitIds: [], duties: '' })}>{t('editor.addImplementation')}</Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title={t('editor.signature')} style={{ marginBottom: 12 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
            <Form.Item name="signerCapacity" label={t('editor.signerCapacity')} extra={t('editor.signerCapacityHint')} style={half}><Input maxLength={200} /></Form.Item>
            <Form.Item name="signerTitle" label={t('editor.signerTitle')} style={half}><Input maxLength={200} /></Form.Item>
            <Form.Item name="signerName" label={t('editor.signerName')} style={half}><Input maxLength={200} /></Form.Item>
          </div>
          <div className="ant-form-item-label"><label>{t('editor.recipients')}</label></div>
          <TextList name="recipients" addLabel={t('editor.addRecipient')} rows={1} />
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="plan-save">{tc('actions.save')}</Button>
          <Button onClick={() => navigate(id === null ? '/plans' : `/plans/${id}`)}>{tc('actions.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
