/**
 * One unit's report for a period: its own figures beside the accepted subordinates' aggregate,
 * the narrative with the compiled excerpts of the units below, checks and flags, the versions
 * sent and the history. The unit fills and submits it; the receiving level accepts or returns it.
 */
import { CheckOutlined, DownloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Space, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { acceptReport, fileUrl, getReport, importFigures, reportFlags, returnReport, saveDraft, submitReport, type Report } from '../../api/reports';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { STATUS_COLORS, reportKeys } from './format';
import { REPORTS_NS } from './i18n';
import { ReportFiguresTable } from './ReportFiguresTable';
import { ReportHistory } from './ReportHistory';
import { ReportNarrative } from './ReportNarrative';

type Value = number | boolean | string | null;

export default function ReportPage() {
  const { t } = useTranslation(REPORTS_NS);
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const query = useQuery({ queryKey: reportKeys.report(id), queryFn: ({ signal }) => getReport(id, signal) });
  const report = query.data;
  const [values, setValues] = useState<Record<string, Value>>({});
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  useEffect(() => {
    if (!report) return;
    setValues(report.values as Record<string, Value>);
    setNarrative(report.narrative);
    setDirty(false);
  }, [report]);

  const refresh = () => client.invalidateQueries({ queryKey: reportKeys.all });
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && error.code === 'edit_conflict') setConflict(true);
    else setProblem(errorText(error));
  };
  const clean = (v: Record<string, Value>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== ''));
  const save = async (current: Report): Promise<number> => {
    const saved = await saveDraft(current.id, { version: current.version, values: clean(values), narrative });
    setDirty(false);
    return saved.version;
  };
  const saveMutation = useMutation({
    mutationFn: () => save(report!),
    onSuccess: (version) => { setProblem(null); message.success(t('report.saved', { version })); void refresh(); },
    onError: fail,
  });
  const submitMutation = useMutation({
    mutationFn: async () => submitReport(report!.id, dirty ? await save(report!) : report!.version),
    onSuccess: (r) => { setProblem(null); message.success(t('report.submitted')); r.warnings.forEach((w) => message.warning(w)); void refresh(); },
    onError: (error) => { fail(error); void refresh(); },
  });
  const acceptMutation = useMutation({ mutationFn: () => acceptReport(report!.id), onSuccess: () => { message.success(t('report.accepted')); void refresh(); }, onError: fail });
  const returnMutation = useMutation({
    mutationFn: () => returnReport(report!.id, comment),
    onSuccess: () => { setReturning(false); setComment(''); message.success(t('report.returned')); void refresh(); },
    onError: fail,
  });
  const flags = useQuery({ queryKey: reportKeys.flags(id), queryFn: () => reportFlags(id), enabled: !!report && report.status !== 'draft' && report.versions.length > 0 });

  if (query.isError) return <Alert type="error" showIcon message={errorText(query.error)} />;
  if (!report) return null;
  const editable = report.can.edit;

  return (
    <>
      <PageTitle
        title={`${report.unitName} — ${report.periodLabel}`}
        extra={
          <Space wrap>
            <Tag color={STATUS_COLORS[report.status]} data-testid="report-status">{t(`status.${report.status}`)}</Tag>
            {editable && <Button icon={<SaveOutlined />} onClick={() => saveMutation.mutate()} loading={saveMutation.isPending} disabled={!dirty} data-testid="save">{t('report.save')}</Button>}
            {editable && (
              <Button type="primary" icon={<SendOutlined />} loading={submitMutation.isPending} data-testid="submit"
                onClick={() => modal.confirm({ title: t('report.submit'), okText: t('report.submit'), content: t('report.confirmSubmit', { reviewer: report.reviewerUnitName ?? '' }), onOk: () => submitMutation.mutateAsync().catch(() => undefined) })}>
                {t('report.submit')}
              </Button>
            )}
            {report.can.review && <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return">{t('report.return')}</Button>}
            {report.can.review && <Button type="primary" icon={<CheckOutlined />} loading={acceptMutation.isPending} onClick={() => acceptMutation.mutate()} data-testid="accept">{t('report.accept')}</Button>}
          </Space>
        }
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        <div className="muted">
          {report.scheduleName} · {t('list.due', { date: formatDate(report.dueDate) })} · {t('columns.reviewer')}: {report.reviewerUnitName ?? '—'} · {t('report.form', { name: report.form.name, version: report.form.version })}
        </div>
        {report.view === 'submitted' && <Alert type="info" showIcon message={t('report.viewSubmitted')} />}
        {report.status === 'returned' && report.lastComment && <Alert type="warning" showIcon message={t('report.returnedNotice', { comment: report.lastComment })} data-testid="returned-notice" />}
        {conflict && <Alert type="error" showIcon message={t('report.conflict')} action={<Button size="small" onClick={() => { setConflict(false); void query.refetch(); }}>{t('report.reload')}</Button>} />}
        {problem && <Alert type="error" showIcon closable onClose={() => setProblem(null)} message={problem} data-testid="report-problem" />}
        <Card size="small" title={t('report.figures')} extra={
          <Space wrap>
            <Button size="small" icon={<DownloadOutlined />} href={fileUrl(`/reports/${report.id}/export.xlsx`, {})}>{t('report.exportXlsx')}</Button>
            {editable && (
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => {
                importFigures(report.id, report.version, file).then((r) => { message.success(t('report.imported', { count: r.imported })); void refresh(); }).catch(fail);
                return false;
              }}>
                <Button size="small" icon={<UploadOutlined />}>{t('report.importXlsx')}</Button>
              </Upload>
            )}
            <Button size="small" icon={<DownloadOutlined />} href={fileUrl(`/reports/${report.id}/export.docx`, {})} data-testid="report-docx">{t('report.exportDocx')}</Button>
          </Space>
        }>
          <ReportFiguresTable report={report} values={values} editable={editable} onChange={(code, v) => { setValues((old) => ({ ...old, [code]: v })); setDirty(true); }} />
        </Card>
        {flags.data && (
          <Card size="small" title={t('report.flags')} data-testid="flags">
            {flags.data.length === 0 ? <span className="muted">{t('report.noFlags')}</span> : flags.data.map((f, i) => (
              <Alert key={i} type={f.severity === 'hard' ? 'error' : 'warning'} showIcon message={f.message} style={{ marginBottom: 6 }} />
            ))}
          </Card>
        )}
        <Card size="small" title={t('report.narrative')}>
          <ReportNarrative report={report} narrative={narrative} editable={editable} onChange={(code, text) => { setNarrative((old) => ({ ...old, [code]: text })); setDirty(true); }} />
        </Card>
        <Card size="small" title={t('report.history')}>
          <ReportHistory report={report} />
        </Card>
      </Space>
      <Modal open={returning} title={t('report.return')} onCancel={() => setReturning(false)} okText={t('report.return')} okButtonProps={{ disabled: !comment.trim(), loading: returnMutation.isPending, id: 'confirm-return' }}
        onOk={() => returnMutation.mutate()}>
        <Input.TextArea aria-label={t('report.returnComment')} placeholder={t('report.returnComment')} autoSize={{ minRows: 3 }} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="return-comment" />
      </Modal>
    </>
  );
}
