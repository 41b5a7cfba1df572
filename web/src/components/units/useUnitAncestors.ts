import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchUnit } from '../../api/orgs';
import { dayBefore, todayVn } from '../../lib/dates';
import { ancestorsOf } from './tree-index';
import { orgKeys, useOrgTree } from './useOrgData';

/**
 * The party ancestors of a unit today, or for a unit that has ceased, on its last day — the
 * same day the server judges permissions on (access.service), so "may I manage this?" agrees.
 * Undefined while unknown.
 */
export function useUnitAncestors(unitId: number | null): ReadonlySet<number> | undefined {
  const today = todayVn();
  const tree = useOrgTree('party', today);
  const inTree = unitId !== null && !!tree.index?.byId.has(unitId);
  const now = useQuery({
    queryKey: orgKeys.unit(unitId ?? 0, today),
    queryFn: () => fetchUnit(unitId!, today),
    enabled: unitId !== null && tree.isSuccess && !inTree,
  });
  const lastDay = now.data?.validTo && now.data.validTo <= today ? dayBefore(now.data.validTo) : null;
  const then = useQuery({
    queryKey: orgKeys.unit(unitId ?? 0, lastDay ?? ''),
    queryFn: () => fetchUnit(unitId!, lastDay!),
    enabled: unitId !== null && lastDay !== null,
  });
  return useMemo(() => {
    if (unitId === null) return undefined;
    if (inTree && tree.index) return new Set(ancestorsOf(tree.index, unitId));
    const detail = lastDay ? then.data : now.data;
    return detail ? new Set(detail.ancestors.map((a) => a.id)) : undefined;
  }, [unitId, inTree, tree.index, lastDay, then.data, now.data]);
}
