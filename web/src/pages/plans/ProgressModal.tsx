/**
 * A task's progress: the updates its lead unit posted (percent, narrative, evidence), newest
 * first; the lead unit's people post a new one and attach evidence to it.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Divider, Empty, Form, Input, InputNumber, List, Modal, Progress as Bar, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressBody } from '../../../../src/modules/plans/plans.contract';
import { listProgress, postProgress, progressFilesPath, progressFileUrl, type Plan, type PlanTask, type Progress } from '../../api/plans';
import { FileUploadButton } from '../../components/FileUploadButton';
import { applyApiError, errorText, validateBody, zodRule } from '../../forms/validation';
import { DATE_FORMAT, formatDate, toDayjs, toIso, todayVn } from '../../lib/dates';
import { PLANS_NS } from './i18n';

interface Values {
  percent: number;
  narrative: string;
  reportedOn: Dayjs | null;
}

export function ProgressModal({ plan, task, onClose }: { plan: Plan; task: PlanTask; onClose(): void }) {
  const { t } = useTranslation(PLANS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = ['plans', 'progress', plan.id, task.id];
  const history = useQuery({ queryKey: key, queryFn: () => listProgress(plan.id, task.id) });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    await queryClient.invalidateQueries({ queryKey: ['plans', 'detail', plan.id] });
  };

  const submit = async (values: Values) => {
    setError(null);
    const body = validateBody(form, progressBody, { percent: values.percent, narrative: values.narrative, reportedOn: toIso(values.reportedOn) });
    if (!body) return;
    setBusy(true);
    try {
      await postProgress(plan.id, task.id, body);
      message.success(t('progress.posted'));
      form.resetFields(['narrative']);
      await refresh();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('progress.title', { task: `${task.number}. ${task.title}` })} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {task.canPostProgress && (
        <>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} role="alert" />}
          <Form
            form={form} layout="vertical" onFinish={submit} disabled={busy} data-testid="progress-form"
            initialValues={{ percent: task.latestProgress?.percent ?? 0, reportedOn: toDayjs(todayVn()) }}
          >
            <Space wrap align="start">
              <Form.Item name="percent" label={t('progress.percent')} rules={[zodRule(progressBody.shape.percent)]}>
                <InputNumber<number> min={0} max={100} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="reportedOn" label={t('progress.reportedOn')}>
                <DatePicker format={DATE_FORMAT} placeholder={tc('fields.datePlaceholder')} allowClear={false} />
              </Form.Item>
            </Space>
            <Form.Item name="narrative" label={t('progress.narrative')} rules={[zodRule(progressBody.shape.narrative)]}>
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('progress.post')}</Button>
          </Form>
          <Divider />
        </>
      )}
      {history.isError && <Alert type="error" showIcon message={errorText(history.error)} />}
      <List<Progress>
        loading={history.isPending}
        dataSource={history.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.none')} /> }}
        data-testid="progress-history"
        renderItem={(p) => (
          <List.Item>
            <div style={{ width: '100%', minWidth: 0 }}>
              <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
                <Bar percent={p.percent} size="small" style={{ width: 160, margin: 0 }} />
                <span className="muted">{t('progress.by', { unit: p.unit.name, date: formatDate(p.reportedOn) })}</span>
              </div>
              <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{p.narrative}</div>
              <Space size={[8, 4]} wrap style={{ marginTop: 4 }}>
                {p.files.map((f) => <a key={f.id} href={progressFileUrl(plan.id, p.id, f.id)}>{f.name}</a>)}
                {task.canPostProgress && (
                  <FileUploadButton<Progress>
                    path={progressFilesPath(plan.id, p.id)} label={t('progress.attach')} testId={`progress-upload-${p.id}`}
                    onUploaded={() => { message.success(t('progress.attached')); void refresh(); }}
                  />
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Modal>
  );
}
