/**
 * One plan: what it says (issued version, or the working copy for its own unit), what may be done
 * with it, how the units below have concretized it, its versions, subordinate plans and events.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Skeleton, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { listEvents } from '../../api/events';
import { getPlan, type Plan } from '../../api/plans';
import { PageTitle } from '../../components/PageTitle';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { CoverageMatrix } from './CoverageMatrix';
import { PLANS_NS } from './i18n';
import { PlanActions } from './PlanActions';
import { PlanContentView } from './PlanContentView';
import { PlanStatusTag } from './PlanStatusTag';
import './plans.css';
import { VersionsPanel } from './VersionsPanel';

function ChildPlans({ plan }: { plan: Plan }) {
  const { t } = useTranslation(PLANS_NS);
  return (
    <List
      size="small" bordered dataSource={plan.childPlans} data-testid="child-plans"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('children.empty')} /> }}
      renderItem={(c) => (
        <List.Item>
          <Space wrap>
            <Link to={`/plans/${c.id}`}>{c.unit.name}</Link>
            {c.number && <span>{c.number}</span>}
            {c.issuedOn && <span className="muted">{formatDate(c.issuedOn)}</span>}
            <PlanStatusTag status={c.status} />
          </Space>
        </List.Item>
      )}
    />
  );
}

function PlanEvents({ planId }: { planId: number }) {
  const { t } = useTranslation(PLANS_NS);
  const events = useQuery({ queryKey: ['events', 'plan', planId], queryFn: () => listEvents({ plan: planId, limit: 100 }) });
  return (
    <Card size="small" extra={<Link to={`/events?plan=${planId}`}>{t('events.open')}</Link>}>
      <List
        size="small" loading={events.isPending} dataSource={events.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.empty')} /> }}
        renderItem={(e) => <List.Item><span><b>{formatDate(e.heldOn)}</b> · {e.title}{e.venue ? ` — ${e.venue}` : ''}</span></List.Item>}
      />
    </Card>
  );
}

export default function PlanPage() {
  const { t } = useTranslation(PLANS_NS);
  const id = Number(useParams().id);
  const plan = useQuery({ queryKey: ['plans', 'detail', id], queryFn: ({ signal }) => getPlan(id, signal), enabled: Number.isInteger(id) });

  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon message={errorText(plan.error)} />;
  const p = plan.data;
  return (
    <>
      <PageTitle title={p.title} />
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanStatusTag status={p.status} amendmentOpen={p.amendmentOpen} />
        {p.number && <span className="mono" data-testid="plan-number">{p.number}</span>}
        <span className="muted">{p.issuerUnit.name} · {p.year}</span>
      </Space>
      <div style={{ marginBottom: 12 }}><PlanActions plan={p} /></div>
      <Tabs
        items={[
          { key: 'content', label: t('tabs.content'), children: <PlanContentView plan={p} /> },
          ...(p.can.coverage ? [{ key: 'coverage', label: t('tabs.coverage'), children: <CoverageMatrix planId={p.id} /> }] : []),
          ...(p.currentVersion > 0 ? [{ key: 'versions', label: t('tabs.versions'), children: <VersionsPanel planId={p.id} current={p.currentVersion} /> }] : []),
          ...(p.status !== 'draft' ? [
            { key: 'children', label: `${t('tabs.children')} (${p.childPlans.length})`, children: <ChildPlans plan={p} /> },
            { key: 'events', label: t('tabs.events'), children: <PlanEvents planId={p.id} /> },
          ] : []),
        ]}
      />
    </>
  );
}
