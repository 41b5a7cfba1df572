/** The issued versions of a plan and what changed between two of them. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareVersions, listVersions, type PlanVersion } from '../../api/plans';
import { errorText } from '../../forms/validation';
import { formatDate, formatInstant } from '../../lib/dates';
import { PLANS_NS } from './i18n';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(show).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function VersionsPanel({ planId, current }: { planId: number; current: number }) {
  const { t } = useTranslation(PLANS_NS);
  const versions = useQuery({ queryKey: ['plans', 'versions', planId, current], queryFn: () => listVersions(planId) });
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  const diff = useQuery({
    queryKey: ['plans', 'compare', planId, from, to],
    queryFn: () => compareVersions(planId, from, to),
    enabled: current > 1 && from !== to,
  });
  const options = (versions.data ?? []).map((v) => ({ value: v.version, label: `${v.version} · ${formatDate(v.issuedOn)}` }));

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {versions.isError && <Alert type="error" showIcon message={errorText(versions.error)} />}
      <Table<PlanVersion>
        rowKey="version" size="small" pagination={false} loading={versions.isPending} dataSource={versions.data ?? []} scroll={{ x: 'max-content' }}
        data-testid="plan-versions"
        columns={[
          { title: t('versions.version'), dataIndex: 'version', width: 80 },
          { title: t('versions.kind'), dataIndex: 'kind', render: (k: 'issue' | 'amendment') => <Tag color={k === 'issue' ? 'green' : 'orange'}>{t(`versions.${k}`)}</Tag> },
          { title: t('versions.issuedOn'), dataIndex: 'issuedOn', render: (d: string) => formatDate(d) },
          { title: t('versions.number'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
          { title: t('versions.reason'), dataIndex: 'reason', render: (r: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{r ?? ''}</span> },
          { title: t('versions.by'), key: 'by', render: (_: unknown, v) => `${v.createdBy ?? ''} ${formatInstant(v.createdAt)}` },
        ]}
      />
      {current > 1 && (
        <Card size="small" title={t('versions.compare')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>{t('versions.from')}</span>
            <Select value={from} onChange={setFrom} options={options} style={{ width: 160 }} aria-label={t('versions.from')} />
            <span>{t('versions.to')}</span>
            <Select value={to} onChange={setTo} options={options} style={{ width: 160 }} aria-label={t('versions.to')} />
          </Space>
          {diff.isError && <Alert type="error" showIcon message={errorText(diff.error)} />}
          {diff.data && (
            diff.data.fields.length + diff.data.tasksAdded.length + diff.data.tasksRemoved.length + diff.data.tasksChanged.length === 0
              ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.noChanges')} />
              : (
                <div data-testid="plan-diff">
                  {diff.data.fields.length > 0 && (
                    <List size="small" header={<b>{t('versions.fields')}</b>} dataSource={diff.data.fields}
                      renderItem={(f) => <List.Item><div><b>{f.field}</b>: <del>{show(f.before)}</del> → {show(f.after)}</div></List.Item>} />
                  )}
                  {diff.data.tasksAdded.length > 0 && (
                    <List size="small" header={<b>{t('versions.added')}</b>} dataSource={diff.data.tasksAdded}
                      renderItem={(x) => <List.Item><Tag color="green">+</Tag>{x.number}. {x.title}</List.Item>} />
                  )}
                  {diff.data.tasksRemoved.length > 0 && (
                    <List size="small" header={<b>{t('versions.removed')}</b>} dataSource={diff.data.tasksRemoved}
                      renderItem={(x) => <List.Item><Tag color="red">−</Tag>{x.number}. {x.title}</List.Item>} />
                  )}
                  {diff.data.tasksChanged.length > 0 && (
                    <List size="small" header={<b>{t('versions.changed')}</b>} dataSource={diff.data.tasksChanged}
                      renderItem={(x) => (
                        <List.Item>
                          <div>
                            <div>{x.number}. {x.title}</div>
                            {x.changes.map((c) => <div key={c.field} className="muted">{c.field}: <del>{show(c.before)}</del> → {show(c.after)}</div>)}
                          </div>
                        </List.Item>
                      )} />
                  )}
                </div>
              )
          )}
        </Card>
      )}
    </Space>
  );
}
