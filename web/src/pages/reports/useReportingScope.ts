/** The unit, schedule and period a consolidation screen looks at, kept in the address (shareable). */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { listSchedules } from '../../api/reports';
import { useCurrentUser } from '../../auth/session';
import { reportKeys } from './format';

export function useReportingScope() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const readUnits = useMemo(() => me.grants.filter((g) => g.role !== 'editor').map((g) => g.unitId), [me]);
  const unit = Number(params.get('unit')) || readUnits[0] || me.unitId;
  const schedules = useQuery({ queryKey: reportKeys.schedules({ unit }), queryFn: ({ signal }) => listSchedules({ unit }, signal) });
  const scheduleId = Number(params.get('schedule')) || schedules.data?.[0]?.id;
  const schedule = schedules.data?.find((s) => s.id === scheduleId);
  const period = params.get('period') ?? schedule?.periods.at(-1)?.key;
  const structure = (params.get('structure') === 'now' ? 'now' : 'then') as 'then' | 'now';
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if (schedule && period && !schedule.periods.some((p) => p.key === period)) set({ period: schedule.periods.at(-1)?.key });
  });
  return { unit, schedules, schedule, scheduleId, period, structure, set };
}
