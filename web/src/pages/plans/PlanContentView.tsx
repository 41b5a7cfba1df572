/** What a plan says: header facts, purposes and requirements, the task tree with assignments and progress, implementation. */
import { Alert, Button, Card, Descriptions, Empty, Progress as Bar, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan, PlanTask } from '../../api/plans';
import { formatDate } from '../../lib/dates';
import { PLANS_NS } from './i18n';
import { useTaskWhen } from './PlanStatusTag';
import { ProgressModal } from './ProgressModal';

function Paragraphs({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <span className="muted">{empty}</span>;
  return <ol style={{ paddingLeft: 20, margin: 0 }}>{items.map((p, i) => <li key={i} style={{ marginBottom: 6, whiteSpace: 'pre-wrap' }}>{p}</li>)}</ol>;
}

export function PlanContentView({ plan }: { plan: Plan }) {
  const { t } = useTranslation(PLANS_NS);
  const when = useTaskWhen();
  const [progressTask, setProgressTask] = useState<PlanTask | null>(null);
  const issuedContent = plan.showing === 'issued';

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {plan.showing === 'working' && plan.status === 'draft' && <Alert type="info" showIcon message={t('detail.workingNotice')} />}
      {plan.showing === 'working' && plan.amendmentOpen && <Alert type="warning" showIcon message={t('detail.amendingNotice', { version: plan.currentVersion })} />}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'n', label: t('detail.number'), children: plan.number ?? '—' },
            { key: 'b', label: t('detail.issuingBody'), children: `${plan.issuingBody} (${plan.issuerUnit.name})` },
            { key: 'd', label: t('detail.issuedOn'), children: formatDate(plan.issuedOn) || '—' },
            { key: 'v', label: t('detail.version'), children: plan.currentVersion || '—' },
            ...(plan.closedOn ? [{ key: 'c', label: t('detail.closedOn'), children: formatDate(plan.closedOn) }] : []),
            ...(plan.parentPlan ? [{
              key: 'p', label: t('detail.parent'),
              children: <Link to={`/plans/${plan.parentPlan.id}`}>{plan.parentPlan.number ? `${plan.parentPlan.number} · ` : ''}{plan.parentPlan.title}</Link>,
            }] : []),
            {
              key: 'i', label: t('detail.implements'), span: 2,
              children: plan.implements.length === 0 ? t('detail.none') : (
                <Space direction="vertical" size={0}>
                  {plan.implements.map((d) => <span key={d.id}>{d.kindName} {d.number ?? ''} {d.issuedOn ? `(${formatDate(d.issuedOn)})` : ''} — {d.title}</span>)}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('detail.purposes')}><Paragraphs items={plan.purposes} empty={t('detail.none')} /></Card>
      <Card size="small" title={t('detail.requirements')}><Paragraphs items={plan.requirements} empty={t('detail.none')} /></Card>
      <Card size="small" title={t('detail.tasks')} styles={{ body: { padding: 0 } }}>
        <Table<PlanTask>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plan.tasks}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noTasks')} /> }}
          rowClassName={(task) => (task.depth === 0 ? 'plan-task-group' : '')}
          data-testid="plan-tasks"
          columns={[
            { title: t('task.number'), dataIndex: 'number', width: 64 },
            {
              title: t('task.title'), key: 'title',
              render: (_: unknown, task) => (
                <div style={{ paddingLeft: task.depth * 16, maxWidth: 560, whiteSpace: 'normal' }}>
                  <span style={{ fontWeight: task.depth === 0 ? 600 : 400 }}>{task.title}</span>
                  {task.description && <div className="muted" style={{ whiteSpace: 'pre-wrap' }}>{task.description}</div>}
                  {task.expectedOutputs && <div className="muted"><i>{t('task.outputs')}:</i> {task.expectedOutputs}</div>}
                </div>
              ),
            },
            { title: t('task.lead'), key: 'lead', render: (_: unknown, task) => task.leadUnit?.name ?? '' },
            {
              title: t('task.coordinating'), key: 'coord',
              render: (_: unknown, task) => <Space size={[4, 4]} wrap style={{ maxWidth: 260 }}>{task.coordinatingUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>)}</Space>,
            },
            { title: t('task.when'), key: 'when', render: (_: unknown, task) => (task.depth === 0 && !task.leadUnit ? '' : when(task)) },
            ...(issuedContent && plan.status !== 'draft' ? [{
              title: t('task.progress'), key: 'progress',
              render: (_: unknown, task: PlanTask) => (task.leadUnit ? (
                <Space size={4} wrap>
                  {task.latestProgress && <Bar percent={task.latestProgress.percent} size="small" aria-label={t('task.progress')} style={{ width: 90, margin: 0 }} />}
                  <Button size="small" type={task.canPostProgress ? 'primary' : 'link'} ghost={task.canPostProgress} onClick={() => setProgressTask(task)} data-testid={`task-progress-${task.id}`}>
                    {task.canPostProgress ? t('task.postProgress') : t('task.history')}
                  </Button>
                </Space>
              ) : null),
            }] : []),
          ]}
        />
      </Card>
      {(plan.requiredUnits.length > 0 || plan.implementation.length > 0) && (
        <Card size="small" title={t('detail.implementation')}>
          {plan.implementation.map((item, i) => (
            <div key={i} style={{ marginBottom: 10 }}>
              <Typography.Text strong>{i + 1}. {item.responsible}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{item.duties}</div>
            </div>
          ))}
          {plan.requiredUnits.length > 0 && (
            <div data-testid="required-units">
              <Typography.Text strong>{t('detail.required')}</Typography.Text>
              {plan.concretizeDueOn && <div className="muted">{t('detail.requiredDue', { date: formatDate(plan.concretizeDueOn) })}</div>}
              <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>{plan.requiredUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>)}</Space>
            </div>
          )}
        </Card>
      )}
      {(plan.signerName || plan.recipients.length > 0) && (
        <Card size="small">
          <Descriptions size="small" column={1} items={[
            { key: 's', label: t('detail.signer'), children: [plan.signerCapacity, plan.signerTitle, plan.signerName].filter(Boolean).join(' · ') || '—' },
            { key: 'r', label: t('detail.recipients'), children: plan.recipients.join('; ') || '—' },
          ]} />
        </Card>
      )}
      {progressTask && <ProgressModal plan={plan} task={progressTask} onClose={() => setProgressTask(null)} />}
    </Space>
  );
}
