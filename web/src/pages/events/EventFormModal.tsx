/** Record or edit a milestone event: organizer, kind, date, venue, participants, outcome, links to a plan, its task and documents. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, createEventBody, updateEventBody } from '../../../../src/modules/events/events.contract';
import { createEvent, updateEvent, type MilestoneEvent } from '../../api/events';
import { getPlan, listPlans } from '../../api/plans';
import { useCurrentUser } from '../../auth/session';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, toDayjs, toIso, todayVn } from '../../lib/dates';
import { DocumentSelect } from '../plans/DocumentSelect';
import { EVENTS_NS } from './i18n';

interface Values {
  organizerUnitId?: number;
  kind?: string;
  title: string;
  heldOn?: Dayjs | null;
  venue?: string;
  participants?: string;
  participantCount?: number | null;
  outcome?: string;
  planId?: number | null;
  taskId?: number | null;
  documentIds: number[];
}

export function EventFormModal({ editing, planId, onClose, onSaved }: { editing: MilestoneEvent | null; planId?: number; onClose(): void; onSaved(e: MilestoneEvent): void }) {
  const { t } = useTranslation(EVENTS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenPlan = Form.useWatch('planId', form);
  const heldOn = Form.useWatch('heldOn', form);
  const plans = useQuery({ queryKey: ['plans', 'list', 'for-events'], queryFn: () => listPlans({ limit: 200 }) });
  const plan = useQuery({ queryKey: ['plans', 'detail', chosenPlan], queryFn: () => getPlan(chosenPlan!), enabled: !!chosenPlan });

  const submit = async () => {
    setError(null);
    const v = form.getFieldsValue();
    const common = {
      kind: v.kind, title: v.title ?? '', heldOn: toIso(v.heldOn), venue: v.venue?.trim() || null, participants: v.participants?.trim() || null,
      participantCount: v.participantCount ?? null, outcome: v.outcome?.trim() || null, planId: v.planId ?? null, taskId: v.taskId ?? null,
      documentIds: v.documentIds ?? [],
    };
    const body = editing ? validateBody(form, updateEventBody, common) : validateBody(form, createEventBody, { ...common, organizerUnitId: v.organizerUnitId });
    if (!body) return;
    setBusy(true);
    try {
      const saved = editing ? await updateEvent(editing.id, body) : await createEvent(body as Parameters<typeof createEvent>[0]);
      await queryClient.invalidateQueries({ queryKey: ['events'] });
      message.success(t('saved'));
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const initial: Partial<Values> = editing ? {
    kind: editing.kind, title: editing.title, heldOn: toDayjs(editing.heldOn), venue: editing.venue ?? undefined, participants: editing.participants ?? undefined,
    participantCount: editing.participantCount, outcome: editing.outcome ?? undefined, planId: editing.plan?.id ?? null, taskId: editing.task?.id ?? null,
    documentIds: editing.documents.map((d) => d.id),
  } : { organizerUnitId: me.grants[0]?.unitId, kind: 'hoi_nghi', heldOn: toDayjs(todayVn()), planId: planId ?? null, documentIds: [] };

  return (
    <Modal open title={editing ? t('actions.edit') : t('create')} onCancel={onClose} onOk={() => void submit()} okText={tc('actions.save')}
      cancelText={tc('actions.cancel')} confirmLoading={busy} maskClosable={false} width={680} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} disabled={busy} data-testid="event-form">
        {!editing && (
          <Form.Item name="organizerUnitId" label={t('fields.organizer')} rules={[zodRule(createEventBody.shape.organizerUnitId)]}>
            <UnitPicker asOf={toIso(heldOn) ?? todayVn()} aria-label={t('fields.organizer')} />
          </Form.Item>
        )}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
          <Form.Item name="kind" label={t('fields.kind')} style={{ flex: '1 1 180px' }}>
            <Select options={EVENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('fields.heldOn')} rules={[{ required: true, message: tc('fields.required') }]}>
            <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} />
          </Form.Item>
          <Form.Item name="participantCount" label={t('fields.participantCount')}>
            <InputNumber<number> min={0} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('fields.title')} rules={[zodRule(updateEventBody.shape.title)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="venue" label={t('fields.venue')}><Input maxLength={500} /></Form.Item>
        <Form.Item name="participants" label={t('fields.participants')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} /></Form.Item>
        <Form.Item name="outcome" label={t('fields.outcome')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} /></Form.Item>
        <Form.Item name="planId" label={t('fields.plan')}>
          <Select allowClear showSearch optionFilterProp="label" loading={plans.isPending} onChange={() => form.setFieldValue('taskId', null)}
            options={(plans.data?.items ?? []).filter((p) => p.status !== 'draft').map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}`.trim() }))} />
        </Form.Item>
        {chosenPlan && (
          <Form.Item name="taskId" label={t('fields.task')}>
            <Select allowClear showSearch optionFilterProp="label" loading={plan.isPending}
              options={(plan.data?.tasks ?? []).map((task) => ({ value: task.id, label: `${task.number}. ${task.title}` }))} />
          </Form.Item>
        )}
        <Form.Item name="documentIds" label={t('fields.documents')}>
          <DocumentSelect known={editing?.documents ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
