/**
 * What may be done with a plan now, as the server's `can` says: edit, issue, amend (open, issue,
 * discard), close, delete a draft, concretize it as one of my units, download the DOCX.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { closeBody, issueAmendmentBody, issueBody } from '../../../../src/modules/plans/plans.contract';
import {
  closePlan, deletePlan, discardAmendment, issueAmendment, issuePlan, openAmendment, planDocxUrl, type Plan,
} from '../../api/plans';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, toDayjs, toIso, todayVn } from '../../lib/dates';
import { ConcretizeModal } from './ConcretizeModal';
import { PLANS_NS } from './i18n';

type Dialog = 'issue' | 'amendment' | 'close' | 'concretize' | null;

interface Values {
  number?: string;
  issuedOn?: Dayjs;
  closedOn?: Dayjs;
  reason?: string;
  note?: string;
}

export function PlanActions({ plan }: { plan: Plan }) {
  const { t } = useTranslation(PLANS_NS);
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['plans'] });
  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      await refresh();
      if (done) message.success(done);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const open = (which: Dialog) => {
    setError(null);
    form.resetFields();
    form.setFieldsValue({ issuedOn: toDayjs(todayVn())!, closedOn: toDayjs(todayVn())! });
    setDialog(which);
  };

  const submit = async () => {
    const v = form.getFieldsValue();
    setError(null);
    setBusy(true);
    try {
      if (dialog === 'issue') {
        const body = validateBody(form, issueBody, { number: v.number ?? '', issuedOn: toIso(v.issuedOn) });
        if (!body) return;
        const issued = await issuePlan(plan.id, body);
        message.success(t('issue.issued', { number: issued.number }));
      } else if (dialog === 'amendment') {
        const body = validateBody(form, issueAmendmentBody, { reason: v.reason ?? '', issuedOn: toIso(v.issuedOn), number: v.number?.trim() || undefined });
        if (!body) return;
        const issued = await issueAmendment(plan.id, body);
        message.success(t('issue.amendmentIssued', { version: issued.currentVersion }));
      } else if (dialog === 'close') {
        const body = validateBody(form, closeBody, { closedOn: toIso(v.closedOn), note: v.note });
        if (!body) return;
        await closePlan(plan.id, body);
        message.success(t('actions.done'));
      }
      await refresh();
      setDialog(null);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const c = plan.can;
  return (
    <>
      <Space wrap data-testid="plan-actions">
        {c.edit && <Button onClick={() => navigate(`/plans/${plan.id}/edit`)} data-testid="plan-edit">{t('actions.edit')}</Button>}
        {c.issue && plan.status === 'draft' && <Button type="primary" onClick={() => open('issue')} data-testid="plan-issue">{t('actions.issue')}</Button>}
        {c.amend && (
          <Button onClick={() => void run(async () => { await openAmendment(plan.id); navigate(`/plans/${plan.id}/edit`); })} data-testid="plan-amend">
            {t('actions.amend')}
          </Button>
        )}
        {c.issue && plan.amendmentOpen && <Button type="primary" onClick={() => open('amendment')} data-testid="plan-issue-amendment">{t('actions.issueAmendment')}</Button>}
        {c.edit && plan.amendmentOpen && (
          <Popconfirm title={t('actions.discardConfirm')} okText={tc('actions.confirm')} cancelText={tc('actions.cancel')} onConfirm={() => run(() => discardAmendment(plan.id), t('actions.done'))}>
            <Button danger>{t('actions.discardAmendment')}</Button>
          </Popconfirm>
        )}
        {c.concretizeAs.length > 0 && <Button type="primary" ghost onClick={() => setDialog('concretize')} data-testid="plan-concretize">{t('actions.concretize')}</Button>}
        {c.close && <Button onClick={() => open('close')}>{t('actions.close')}</Button>}
        {c.delete && (
          <Popconfirm title={t('actions.deleteConfirm')} okText={tc('actions.remove')} okButtonProps={{ danger: true }} cancelText={tc('actions.cancel')}
            onConfirm={() => run(async () => { await deletePlan(plan.id); navigate('/plans'); }, t('actions.done'))}>
            <Button danger>{t('actions.delete')}</Button>
          </Popconfirm>
        )}
        <Button icon={<DownloadOutlined />} href={planDocxUrl(plan.id)}>{t('actions.docx')}</Button>
      </Space>
      <Modal
        open={dialog === 'issue' || dialog === 'amendment' || dialog === 'close'}
        title={dialog === 'close' ? t('issue.closeTitle') : dialog === 'amendment' ? t('actions.issueAmendment') : t('issue.title')}
        onCancel={() => setDialog(null)} onOk={() => void submit()} okText={tc('actions.confirm')} cancelText={tc('actions.cancel')}
        confirmLoading={busy} maskClosable={false} destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form form={form} layout="vertical" disabled={busy} data-testid="plan-action-form" onFinish={() => void submit()}>
          {dialog === 'amendment' && (
            <Form.Item name="reason" label={t('issue.reason')} rules={[zodRule(issueAmendmentBody.shape.reason)]}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          )}
          {(dialog === 'issue' || dialog === 'amendment') && (
            <>
              <Form.Item name="number" label={dialog === 'issue' ? t('issue.number') : t('issue.newNumber')} extra={t('issue.numberHint')}
                rules={dialog === 'issue' ? [zodRule(issueBody.shape.number)] : []}>
                <Input maxLength={60} className="mono" />
              </Form.Item>
              <Form.Item name="issuedOn" label={t('issue.issuedOn')} rules={[{ required: true, message: tc('fields.required') }]}>
                <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} />
              </Form.Item>
            </>
          )}
          {dialog === 'close' && (
            <>
              <Form.Item name="closedOn" label={t('issue.closedOn')} rules={[{ required: true, message: tc('fields.required') }]}>
                <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} />
              </Form.Item>
              <Form.Item name="note" label={t('issue.note')}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
      {dialog === 'concretize' && <ConcretizeModal plan={plan} onClose={() => setDialog(null)} />}
    </>
  );
}
