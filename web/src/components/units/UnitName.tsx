/**
 * A unit's name by id: today's name from the cached tree, or, for a unit that has ceased
 * (grants and accounts can point at one), the last name it had, asked from the API.
 */
import { useQuery } from '@tanstack/react-query';
import { fetchUnit } from '../../api/orgs';
import { todayVn } from '../../lib/dates';
import { orgKeys, useOrgTree } from './useOrgData';

export function UnitName({ unitId, hierarchy = 'party' }: { unitId: number; hierarchy?: string }) {
  const today = todayVn();
  const tree = useOrgTree(hierarchy, today);
  const known = tree.index?.byId.get(unitId)?.name;
  const detail = useQuery({
    queryKey: orgKeys.unit(unitId, today),
    queryFn: () => fetchUnit(unitId, today),
    enabled: tree.isSuccess && !known,
    staleTime: 5 * 60_000,
  });
  return <>{known ?? detail.data?.name ?? `#${unitId}`}</>;
}
