/**
 * One unit as it stood on the chosen date: identity, parents per hierarchy, ancestors,
 * subordinates, name and reporting history, lineage; for admins of the unit, the
 * restructuring actions (loaded as their own chunk, since most people never use them).
 */
import { Alert, Badge, Breadcrumb, Button, Card, Descriptions, Skeleton, Tabs, Tag } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitDetail } from '../../api/orgs';
import { ApiError } from '../../api/client';
import { canOnUnit } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { ancestorsOf, type TreeIndex } from '../../components/units/tree-index';
import { useHierarchies, useKindLookup, useLocalizedName, useUnitDetail } from '../../components/units/useOrgData';
import { errorText } from '../../forms/validation';
import { dayBefore, formatDate, todayVn } from '../../lib/dates';
import { ORGS_NS } from './i18n';
import { UnitChildren } from './UnitChildren';
import { UnitHistory } from './UnitHistory';
import { UnitLineage } from './UnitLineage';
import { UnitLink } from './UnitLink';
import type { OrgsView } from './useOrgsLocation';

const RestructureActions = lazy(() => import('./restructure/RestructureActions'));

export type DetailTab = 'children' | 'history' | 'lineage';

interface Props {
  unitId: number;
  /** The open tab stays the same while the person moves between units and dates. */
  tab: DetailTab;
  onTab(tab: DetailTab): void;
  view: OrgsView;
  index: TreeIndex | undefined;
  onNavigate(patch: Partial<OrgsView>): void;
}

export function UnitDetailPanel({ unitId, view, index, onNavigate, tab, onTab }: Props) {
  const { t } = useTranslation(ORGS_NS);
  const detail = useUnitDetail(unitId, view.asOf);

  if (detail.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Card>
        <Alert
          type={missing ? 'info' : 'error'}
          showIcon
          message={missing ? t('detail.notYet', { date: formatDate(view.asOf) }) : errorText(detail.error)}
          action={missing && view.asOf !== todayVn() ? <Button size="small" onClick={() => onNavigate({ asOf: todayVn() })}>{t('detail.showToday')}</Button> : undefined}
        />
      </Card>
    );
  }
  return <UnitDetailCard unit={detail.data} view={view} index={index} onNavigate={onNavigate} tab={tab} onTab={onTab} />;
}

function UnitDetailCard({ unit, view, index, onNavigate, tab, onTab }: { unit: OrgUnitDetail } & Omit<Props, 'unitId'>) {
  const { t } = useTranslation(ORGS_NS);
  const me = useCurrentUser();
  const kinds = useKindLookup();
  const hierarchies = useHierarchies();
  const localized = useLocalizedName();
  const closed = unit.validTo !== null && unit.validTo <= view.asOf;
  const children = index && index.byId.has(unit.id) ? index.children.get(unit.id) ?? [] : [];

  const ancestorIds = useMemo(() => new Set([
    ...unit.ancestors.map((a) => a.id),
    ...(index ? ancestorsOf(index, unit.id) : []),
  ]), [unit, index]);
  // History is appended in date order: a unit that has ceased (even later than the view date) cannot change any more.
  const mayRestructure = unit.validTo === null && canOnUnit(me, 'org.restructure', unit.id, ancestorIds);
  const lineageCount = [...unit.lineage.predecessors, ...unit.lineage.successors]
    .filter((e) => !(e.from.length === 1 && e.to.length === 1 && e.from[0].id === e.to[0].id)).length;
  const ancestors = [...unit.ancestors].sort((a, b) => b.depth - a.depth);

  const items = [
    { key: 'code', label: t('detail.code'), children: <span className="mono">{unit.code}</span> },
    { key: 'kind', label: t('detail.kind'), children: kinds.label(unit.kind) },
    ...(unit.shortName ? [{ key: 'short', label: t('detail.shortName'), children: unit.shortName }] : []),
    { key: 'from', label: t('detail.validFrom'), children: formatDate(unit.validFrom) },
    ...(unit.validTo ? [{ key: 'to', label: t('detail.validTo'), children: formatDate(unit.validTo) }] : []),
    ...unit.parents.map((p) => ({
      key: `parent-${p.hierarchy}`,
      label: `${t('detail.parents')} (${localized(hierarchies.data?.find((h) => h.code === p.hierarchy), p.hierarchy)})`,
      children: p.parentId === null
        ? <span className="muted">{t('detail.root')}</span>
        : <UnitLink unitId={p.parentId} asOf={view.asOf} hierarchy={p.hierarchy}>{p.parentName}</UnitLink>,
    })),
  ];

  return (
    <Card
      data-testid="unit-detail"
      title={<span style={{ whiteSpace: 'normal' }}><span data-testid="unit-name">{unit.name}</span></span>}
      extra={<Tag color={closed ? 'default' : 'green'}>{closed ? t('detail.closed') : t('detail.active')}</Tag>}
      styles={{ header: { alignItems: 'flex-start', paddingBlock: 10 } }}
    >
      {closed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('detail.closedNotice', { date: formatDate(unit.validTo) })}
          action={(
            <Button size="small" onClick={() => onNavigate({ asOf: dayBefore(unit.validTo!) })}>
              {t('detail.showLastDay', { date: formatDate(dayBefore(unit.validTo!)) })}
            </Button>
          )}
        />
      )}
      {ancestors.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 10 }}
          items={[
            ...ancestors.map((a) => ({ key: a.id, title: <UnitLink unitId={a.id} asOf={view.asOf}>{a.name}</UnitLink> })),
            { key: unit.id, title: unit.name },
          ]}
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 2, lg: 1, xl: 1, xxl: 2 }} items={items} />
      {mayRestructure && (
        <Suspense fallback={null}>
          <RestructureActions unit={unit} view={view} index={index} childCount={children.length} onDone={onNavigate} />
        </Suspense>
      )}
      <Tabs
        style={{ marginTop: 8 }}
        tabBarGutter={20}
        activeKey={tab}
        onChange={(key) => onTab(key as DetailTab)}
        items={[
          {
            key: 'children',
            label: <span>{t('tabs.children')} <Badge count={children.length} showZero color="#9ca3af" overflowCount={9999} /></span>,
            children: <UnitChildren key={unit.id} units={children} onOpen={(id) => onNavigate({ unitId: id })} />,
          },
          { key: 'history', label: t('tabs.history'), children: <UnitHistory unit={unit} /> },
          {
            key: 'lineage',
            label: <span>{t('tabs.lineage')} {lineageCount > 0 && <Badge count={lineageCount} color="#1d4f91" />}</span>,
            children: <UnitLineage unit={unit} />,
          },
        ]}
      />
    </Card>
  );
}
