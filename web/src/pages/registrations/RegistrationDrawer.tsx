/**
 * One registration: what was registered, its history (submit, approve/return, progress,
 * resolution, confirm/reopen) with evidence, and the next steps the actor may take.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Grid, Input, InputNumber, Modal, Popconfirm, Progress, Skeleton, Space, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  deleteRegistration, getRegistration, registrationFilesPath, registrationFileUrl, registrationStep, type Registration, type RegistrationStep,
} from '../../api/registrations';
import { FileUploadButton } from '../../components/FileUploadButton';
import { applyApiError, errorText } from '../../forms/validation';
import { DATE_FORMAT, formatDate, formatInstant, toDayjs, toIso, todayVn } from '../../lib/dates';
import { REGISTRATIONS_NS } from './i18n';
import { RegistrationFormModal } from './RegistrationFormModal';
import { RegistrationStatusTag } from './RegistrationStatusTag';

type InputStep = Exclude<RegistrationStep, 'submit'>;
interface StepValues { comment?: string; percent?: number; narrative?: string; reportedOn?: Dayjs | null }

export function RegistrationDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t } = useTranslation(REGISTRATIONS_NS);
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const reg = useQuery({ queryKey: ['registrations', 'detail', id], queryFn: () => getRegistration(id!), enabled: id !== null });
  const [step, setStep] = useState<InputStep | null>(null);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<StepValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['registrations'] });
  const perform = async (which: RegistrationStep, body: unknown = {}) => {
    await registrationStep(id!, which, body);
    await refresh();
    message.success(t('actions.done'));
  };

  const openStep = (which: InputStep, data: Registration) => {
    setError(null);
    form.resetFields();
    form.setFieldsValue({ percent: data.latestPercent ?? 0, reportedOn: toDayjs(todayVn()) });
    setStep(which);
  };

  const submitStep = async () => {
    const v = form.getFieldsValue();
    const body = step === 'progress' ? { percent: v.percent, narrative: v.narrative ?? '', reportedOn: toIso(v.reportedOn) }
      : step === 'resolution' ? { narrative: v.narrative ?? '' }
        : { comment: v.comment ?? (step === 'return' || step === 'reopen' ? '' : null) };
    setBusy(true);
    setError(null);
    try {
      await perform(step!, body);
      setStep(null);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const data = reg.data;
  const c = data?.can;
  return (
    <Drawer open={id !== null} onClose={onClose} width={screens.md ? 680 : '100%'} title={data?.title ?? ''} destroyOnHidden data-testid="registration-drawer">
      {reg.isPending && <Skeleton active />}
      {reg.isError && <Alert type="error" showIcon message={errorText(reg.error)} />}
      {data && c && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <RegistrationStatusTag status={data.status} overdue={data.overdue} />
            {data.latestPercent !== null && <Progress percent={data.latestPercent} size="small" aria-label={t('columns.percent')} style={{ width: 140, margin: 0 }} />}
          </Space>
          <Descriptions size="small" column={1} items={[
            { key: 'u', label: t('columns.unit'), children: data.unit.name },
            { key: 'b', label: t('columns.body'), children: data.body.name },
            ...(data.plan ? [{ key: 'p', label: t('fields.plan'), children: <Link to={`/plans/${data.plan.id}`}>{`${data.plan.number ?? ''} ${data.plan.title}`.trim()}</Link> }] : []),
            { key: 't', label: t('fields.target'), children: data.target },
            ...(data.description ? [{ key: 'd', label: t('fields.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{data.description}</span> }] : []),
            { key: 'dl', label: t('fields.deadline'), children: <span style={data.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatDate(data.deadline)}</span> },
            { key: 'r', label: t('fields.responsiblePerson'), children: data.responsiblePerson },
          ]} />
          <Space wrap style={{ margin: '12px 0' }} data-testid="registration-actions">
            {c.edit && <Button onClick={() => setEditing(true)}>{t('actions.edit')}</Button>}
            {c.submit && <Button type="primary" onClick={() => void perform('submit').catch((e) => message.error(errorText(e)))}>{t('actions.submit')}</Button>}
            {c.review && <Button type="primary" onClick={() => openStep('approve', data)}>{t('actions.approve')}</Button>}
            {c.review && <Button danger onClick={() => openStep('return', data)}>{t('actions.return')}</Button>}
            {c.postProgress && <Button onClick={() => openStep('progress', data)}>{t('actions.progress')}</Button>}
            {c.submitResolution && <Button type="primary" onClick={() => openStep('resolution', data)}>{t('actions.resolution')}</Button>}
            {c.confirm && <Button type="primary" onClick={() => openStep('confirm', data)}>{t('actions.confirm')}</Button>}
            {c.confirm && <Button danger onClick={() => openStep('reopen', data)}>{t('actions.reopen')}</Button>}
            {c.delete && (
              <Popconfirm title={t('actions.deleteConfirm')} okText={tc('actions.remove')} okButtonProps={{ danger: true }} cancelText={tc('actions.cancel')}
                onConfirm={async () => { await deleteRegistration(data.id); await refresh(); onClose(); }}>
                <Button danger>{t('actions.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
          <h4>{t('entries.history')}</h4>
          {data.entries.length === 0 ? <span className="muted">{t('entries.none')}</span> : (
            <Timeline items={data.entries.map((e) => ({
              key: e.id,
              color: e.kind === 'return' || e.kind === 'reopen' ? 'red' : e.kind === 'confirm' || e.kind === 'approve' ? 'green' : 'blue',
              children: (
                <div data-testid={`entry-${e.kind}`}>
                  <b>{t(`entries.${e.kind}`)}</b> <span className="muted">· {e.actorName} · {formatInstant(e.at)}</span>
                  {e.percent !== null && <Tag style={{ marginLeft: 6 }}>{e.percent}%{e.reportedOn ? ` (${formatDate(e.reportedOn)})` : ''}</Tag>}
                  {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
                  <Space size={[8, 4]} wrap>
                    {e.files.map((f) => <a key={f.id} href={registrationFileUrl(data.id, e.id, f.id)}>{f.name}</a>)}
                    {c.attachTo.includes(e.id) && (
                      <FileUploadButton<Registration> path={registrationFilesPath(data.id, e.id)} label={t('actions.attach')}
                        onUploaded={() => { void refresh(); message.success(t('actions.done')); }} />
                    )}
                  </Space>
                </div>
              ),
            }))} />
          )}
          {editing && <RegistrationFormModal editing={data} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
          <Modal open={step !== null} title={step ? t(`actions.${step}`) : ''} onCancel={() => setStep(null)} onOk={() => void submitStep()}
            okText={tc('actions.confirm')} cancelText={tc('actions.cancel')} confirmLoading={busy} destroyOnHidden>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
            <Form form={form} layout="vertical" disabled={busy} data-testid="registration-step-form">
              {step === 'progress' && (
                <Space wrap align="start">
                  <Form.Item name="percent" label={t('fields.percent')}><InputNumber<number> min={0} max={100} /></Form.Item>
                  <Form.Item name="reportedOn" label={t('fields.reportedOn')}><DatePicker format={DATE_FORMAT} allowClear={false} /></Form.Item>
                </Space>
              )}
              {(step === 'progress' || step === 'resolution') && (
                <Form.Item name="narrative" label={step === 'resolution' ? t('fields.resolution') : t('fields.narrative')}>
                  <Input.TextArea rows={3} maxLength={20000} />
                </Form.Item>
              )}
              {(step === 'approve' || step === 'return' || step === 'confirm' || step === 'reopen') && (
                <Form.Item name="comment" label={step === 'return' || step === 'reopen' ? t('fields.commentRequired') : t('fields.comment')}>
                  <Input.TextArea rows={3} maxLength={5000} />
                </Form.Item>
              )}
            </Form>
          </Modal>
        </>
      )}
    </Drawer>
  );
}
