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

/** Searching the server as the editor types; `search(q)` turns one query into options. */
function SearchSelect({ source, search, value, onChange, knownTitle, ariaLabel, testId, placeholder }: {
  source: string;
  search: (q: string, signal: AbortSignal) => Promise<Option[]>;
  value?: number; onChange: (v: number | undefined) => void; knownTitle?: string;
  ariaLabel: string; testId: string; placeholder: string;
}) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const found = useQuery({ queryKey: ['news', 'link-target', source, q], queryFn: ({ signal }) => search(q, signal) });
  return (
    <Select
      aria-label={ariaLabel} data-testid={testId} showSearch allowClear filterOption={false} onSearch={setTyped} loading={found.isFetching}
      placeholder={placeholder} value={value} onChange={(v) => onChange(v ?? undefined)}
      options={withKnown(found.data ?? [], value, knownTitle)} style={{ width: '100%' }} popupMatchSelectWidth={false}
    />
  );
}

/** Issued plans only: a plan without a registry number cannot be linked. */
async function searchIssuedPlans(q: string, signal: AbortSignal): Promise<Option[]> {
  const list = await listPlans({ q: q || undefined, limit: 20 }, signal);
  return list.items.filter((p) => p.number !== null)
    .map((p) => ({ value: p.id, label: `${p.number} — ${p.title} (${p.issuerUnit.name})` }));
}

async function searchEvents(q: string, signal: AbortSignal): Promise<Option[]> {
  const list = await listEvents({ q: q || undefined, limit: 20 }, signal);
  return list.items.map((e) => ({ value: e.id, label: `${e.title} (${formatDate(e.heldOn)}) — ${e.organizer.name}` }));
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
      <SearchSelect
        source="plans" search={searchIssuedPlans} value={planId} onChange={(v) => { setPlanId(v); onChange(undefined); }}
        ariaLabel={t('editor.linkTaskPlan')} testId="link-task-plan" placeholder={t('editor.linkPickPlan')}
      />
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
  const common = { value, onChange, knownTitle, ariaLabel: t('editor.linkTarget'), testId: 'link-target' };
  if (kind === 'plan') return <SearchSelect source="plans" search={searchIssuedPlans} placeholder={t('editor.linkPickPlan')} {...common} />;
  if (kind === 'event') return <SearchSelect source="events" search={searchEvents} placeholder={t('editor.linkPickEvent')} {...common} />;
  if (kind === 'task') return <TaskSelect value={value} onChange={onChange} knownTitle={knownTitle} />;
  // Exemplars have no module of their own yet: their records are named by id.
  return (
    <InputNumber
      aria-label={t('editor.linkId')} data-testid="link-target" min={1} precision={0} style={{ width: '100%' }}
      value={value} onChange={(v) => onChange(v ?? undefined)}
    />
  );
}
