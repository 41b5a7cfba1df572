/** Register an issue (a draft), or edit a draft or returned registration. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createRegistrationBody, updateRegistrationBody } from '../../../../src/modules/registrations/registrations.contract';
import { listPlans } from '../../api/plans';
import { createRegistration, updateRegistration, type Registration } from '../../api/registrations';
import { useCurrentUser } from '../../auth/session';
import { UnitPicker } from '../../components/units/UnitPicker';
import { applyApiError, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, toDayjs, toIso, todayVn } from '../../lib/dates';
import { REGISTRATIONS_NS } from './i18n';

interface Values {
  unitId?: number;
  planId?: number;
  bodyUnitId?: number;
  title: string;
  description?: string;
  target: string;
  deadline?: Dayjs | null;
  responsiblePerson: string;
}

const DRAFTERS = new Set(['admin', 'leader', 'coordinator', 'reporter']);

export function RegistrationFormModal({ editing, onClose, onSaved }: { editing: Registration | null; onClose(): void; onSaved(r: Registration): void }) {
  const { t } = useTranslation(REGISTRATIONS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plans = useQuery({ queryKey: ['plans', 'list', 'issued-for-registration'], queryFn: () => listPlans({ status: 'issued', limit: 200 }), enabled: !editing });
  const planId = Form.useWatch('planId', form);
  const chosenPlan = plans.data?.items.find((p) => p.id === planId);
  // Units as they stood when the plan was issued (a 2021 plan names the 2021 units).
  const asOf = chosenPlan?.issuedOn ?? todayVn();

  const submit = async () => {
    setError(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const common = {
      title: values.title, description: values.description?.trim() || null, target: values.target,
      deadline: toIso(values.deadline), responsiblePerson: values.responsiblePerson,
    };
    setBusy(true);
    try {
      let saved: Registration;
      if (editing) {
        const body = validateBody(form, updateRegistrationBody, common);
        if (!body) return;
        saved = await updateRegistration(editing.id, body);
        message.success(t('saved'));
      } else {
        const body = validateBody(form, createRegistrationBody, { ...common, unitId: values.unitId, planId: values.planId, bodyUnitId: values.planId ? undefined : values.bodyUnitId });
        if (!body) return;
        saved = await createRegistration(body);
        message.success(t('created'));
      }
      await queryClient.invalidateQueries({ queryKey: ['registrations'] });
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const initial: Partial<Values> = editing
    ? { title: editing.title, description: editing.description ?? undefined, target: editing.target, deadline: toDayjs(editing.deadline), responsiblePerson: editing.responsiblePerson }
    : { unitId: me.grants.find((g) => DRAFTERS.has(g.role))?.unitId };

  return (
    <Modal open title={editing ? t('actions.edit') : t('create')} onCancel={onClose} onOk={() => void submit()} okText={tc('actions.save')}
      cancelText={tc('actions.cancel')} confirmLoading={busy} maskClosable={false} width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} disabled={busy} data-testid="registration-form">
        {!editing && (
          <>
            <Form.Item name="planId" label={t('fields.plan')} extra={t('fields.planHint')}>
              <Select allowClear showSearch optionFilterProp="label" loading={plans.isPending} data-testid="registration-plan"
                options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.number ?? ''} ${p.title}`.trim() }))} />
            </Form.Item>
            <Form.Item name="unitId" label={t('fields.unit')} rules={[zodRule(createRegistrationBody.shape.unitId)]}>
              <UnitPicker asOf={asOf} aria-label={t('fields.unit')} />
            </Form.Item>
            {!planId && (
              <Form.Item name="bodyUnitId" label={t('fields.body')}>
                <UnitPicker asOf={asOf} aria-label={t('fields.body')} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="title" label={t('fields.title')} rules={[zodRule(updateRegistrationBody.shape.title)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="target" label={t('fields.target')} rules={[zodRule(updateRegistrationBody.shape.target)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('fields.deadline')} rules={[{ required: true, message: tc('fields.required') }]}>
          <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} />
        </Form.Item>
        <Form.Item name="responsiblePerson" label={t('fields.responsiblePerson')} rules={[zodRule(updateRegistrationBody.shape.responsiblePerson)]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
