/** Submitted versions (immutable), their comparison, and what happened to the report. */
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Modal, Select, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffReport, type Report } from '../../api/reports';
import { formatInstant } from '../../lib/dates';
import { formatFigure } from './format';
import { REPORTS_NS } from './i18n';

export function ReportHistory({ report }: { report: Report }) {
  const { t } = useTranslation(REPORTS_NS);
  const [compare, setCompare] = useState<{ from: number; to: number | 'draft' } | null>(null);
  const [from, setFrom] = useState<number | undefined>(report.versions.at(-2)?.seq ?? report.versions.at(-1)?.seq);
  const [to, setTo] = useState<number | 'draft' | undefined>(report.versions.at(-1)?.seq);
  const diff = useQuery({ queryKey: ['reports', 'diff', report.id, compare], queryFn: () => diffReport(report.id, compare!.from, compare!.to), enabled: compare !== null });
  const targets = [...report.versions.map((v) => ({ value: v.seq as number | 'draft', label: t('report.version', { seq: v.seq }) })), ...(report.view === 'working' ? [{ value: 'draft' as const, label: t('report.working') }] : [])];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {report.versions.length > 0 && (
        <Space wrap>
          <span>{t('report.compare')}:</span>
          <Select size="small" style={{ width: 120 }} value={from} onChange={setFrom} options={report.versions.map((v) => ({ value: v.seq, label: t('report.version', { seq: v.seq }) }))} aria-label="from" />
          <span>→</span>
          <Select size="small" style={{ width: 160 }} value={to} onChange={setTo} options={targets} aria-label="to" />
          <Button size="small" data-testid="compare" disabled={from === undefined || to === undefined} onClick={() => setCompare({ from: from!, to: to! })}>{t('report.compare')}</Button>
        </Space>
      )}
      <Timeline items={report.events.map((e) => ({
        children: <span>{formatInstant(e.at)} — <strong>{t(`report.events.${e.action}`, { defaultValue: e.action })}</strong>{e.versionSeq ? ` (${t('report.version', { seq: e.versionSeq })})` : ''}{e.actorName ? `, ${e.actorName}` : ''}{e.comment ? <div className="muted">“{e.comment}”</div> : null}</span>,
      }))} />
      <Modal open={compare !== null} onCancel={() => setCompare(null)} footer={null} width={860} title={compare ? `${t('report.version', { seq: compare.from })} → ${compare.to === 'draft' ? t('report.working') : t('report.version', { seq: compare.to })}` : ''}>
        {diff.data && (
          <div data-testid="diff">
            <Typography.Title level={5}>{t('report.changedFigures')}</Typography.Title>
            {diff.data.values.length === 0 ? <Empty description={t('report.noChanges')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
              <Table size="small" pagination={false} rowKey="code" dataSource={diff.data.values} columns={[
                { title: t('report.indicator'), dataIndex: 'name' },
                { title: t('report.version', { seq: compare?.from }), dataIndex: 'before', align: 'right', render: (v) => <del style={{ color: '#cf1322' }}>{formatFigure(v)}</del> },
                { title: compare?.to === 'draft' ? t('report.working') : t('report.version', { seq: compare?.to }), dataIndex: 'after', align: 'right', render: (v) => <ins style={{ color: '#389e0d' }}>{formatFigure(v)}</ins> },
              ]} />
            )}
            {diff.data.sections.filter((s) => s.changed).map((s) => (
              <div key={s.code} style={{ marginTop: 12 }}>
                <Typography.Title level={5}>{s.title}</Typography.Title>
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {s.parts.map((p, i) => p.op === 'same' ? <span key={i}>{p.text}</span>
                    : p.op === 'added' ? <ins key={i} style={{ background: '#d9f7be' }}>{p.text}</ins> : <del key={i} style={{ background: '#ffccc7' }}>{p.text}</del>)}
                </div>
              </div>
            ))}
          </div>
        )}
      </Modal>
    </Space>
  );
}
