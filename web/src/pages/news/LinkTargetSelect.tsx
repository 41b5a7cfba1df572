/**
 * Choose the record an article reports on by what editors know — a plan's number or title, an
 * event's name, a task inside an issued plan — rather than by its id. Only issued plans (those with
 * a registry number) are offered: the server refuses links to anything else.
 */
import { useQuery } from '@tanstack/react-query';
import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listEvents } from '../../api/events';
import type { Article } from '../../api/news';
import { getPlan, listPlans } from '../../api/plans';
import { formatDate } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { NEWS_NS } from './i18n';

type LinkKind = Article['links'][number]['kind'];

interface Option { value: number; label: string }

export interface LinkTargetSelectProps {
  kind: LinkKind | undefined;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** The title the server resolved for the current value, so it shows before any search. */
  knownTitle?: string;
}

function withKnown(options: Option[], value: number | undefined, knownTitle: string | undefined): Option[] {
  if (value === undefined || options.some((o) => o.value === value)) return options;
  return [{ value, label: knownTitle ?? `#${value}` }, ...options];
}

function useIssuedPlans(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['news', 'link-target', 'plans', q],
    queryFn: ({ signal }) => listPlans({ q: q || undefined, limit: 20 }, signal),
    enabled,
    select: (list) => list.items.filter((p) => p.number !== null)
      .map((p) => ({ value: p.id, label: `${p.number} — ${p.title} (${p.issuerUnit.name})` })),
  });
}

function PlanSelect({ value, onChange, knownTitle, ariaLabel, testId }: {
  value?: number; onChange: (v: number | undefined) => void; knownTitle?: string; ariaLabel: string; testId: string;
}) {
  const { t } = useTranslation(NEWS_NS);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const plans = useIssuedPlans(q, true);
  return (
    <Select
      aria-label={ariaLabel} data-testid={testId} showSearch allowClear filterOption={false} onSearch={setSearch} loading={plans.isFetching}
      placeholder={t('editor.linkPickPlan')} value={value} onChange={(v) => onChange(v ?? undefined)}
      options={withKnown(plans.data ?? [], value, knownTitle)} style={{ width: '100%' }} popupMatchSelectWidth={false}
    />
  );
}

function EventSelect({ value, onChange, knownTitle }: { value?: number; onChange: (v: number | undefined) => void; knownTitle?: string }) {
  const { t } = useTranslation(NEWS_NS);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const events = useQuery({
    queryKey: ['news', 'link-target', 'events', q],
    queryFn: ({ signal }) => listEvents({ q: q || undefined, limit: 20 }, signal),
    select: (list) => list.items.map((e) => ({ value: e.id, label: `${e.title} (${formatDate(e.heldOn)}) — ${e.organizer.name}` })),
  });
  return (
    <Select
      aria-label={t('editor.linkTarget')} data-testid="link-target" showSearch allowClear filterOption={false} onSearch={setSearch} loading={events.isFetching}
      placeholder={t('editor.linkPickEvent')} value={value} onChange={(v) => onChange(v ?? undefined)}
      options={withKnown(events.data ?? [], value, knownTitle)} style={{ width: '100%' }} popupMatchSelectWidth={false}
    />
  );
}

/** A task is found through its plan: pick the plan, then one of the tasks of its issued version. */
function TaskSelect({ value, onChange, knownTitle }: { value?: number; onChange: (v: number | undefined) => void; knownTitle?: string }) {
  const { t } = useTranslation(NEWS_NS);
  const [planId, setPlanId] = useState<number | undefined>(undefined);
  const plan = useQuery({
    queryKey: ['news', 'link-target', 'plan', planId],
    queryFn: ({ signal }) => getPlan(planId!, signal),
    enabled: planId !== undefined,
  });
  const tasks: Option[] = (plan.data?.tasks ?? []).map((task) => ({
    value: task.id, label: `${'\u2003'.repeat(task.depth)}${task.number}. ${task.title}`,
  }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={4}>
      <PlanSelect value={planId} onChange={(v) => { setPlanId(v); onChange(undefined); }} ariaLabel={t('editor.linkTaskPlan')} testId="link-task-plan" />
      <Select
        aria-label={t('editor.linkTarget')} data-testid="link-target" showSearch optionFilterProp="label" loading={plan.isFetching}
        placeholder={t('editor.linkPickTask')} value={value} onChange={(v) => onChange(v ?? undefined)}
        options={withKnown(tasks, value, knownTitle)} style={{ width: '100%' }} popupMatchSelectWidth={false}
      />
    </Space>
  );
}

export function LinkTargetSelect({ kind, value, onChange = () => undefined, knownTitle }: LinkTargetSelectProps) {
  const { t } = useTranslation(NEWS_NS);
  if (kind === 'plan') return <PlanSelect value={value} onChange={onChange} knownTitle={knownTitle} ariaLabel={t('editor.linkTarget')} testId="link-target" />;
  if (kind === 'event') return <EventSelect value={value} onChange={onChange} knownTitle={knownTitle} />;
  if (kind === 'task') return <TaskSelect value={value} onChange={onChange} knownTitle={knownTitle} />;
  // Exemplars have no module of their own yet: their records are named by id.
  return (
    <InputNumber
      aria-label={t('editor.linkId')} data-testid="link-target" min={1} precision={0} style={{ width: '100%' }}
      value={value} onChange={(v) => onChange(v ?? undefined)}
    />
  );
}
