import { useCallback } from 'react';
import { useOrgTree } from '../../components/units/useOrgData';
import { todayVn } from '../../lib/dates';

/** Today's name of a unit in a hierarchy (grants name units by id). */
export function useUnitNames() {
  const today = todayVn();
  const party = useOrgTree('party', today);
  const state = useOrgTree('state', today);
  return useCallback((unitId: number, hierarchy = 'party') => {
    const index = hierarchy === 'state' ? state.index : party.index;
    return index?.byId.get(unitId)?.name ?? party.index?.byId.get(unitId)?.name ?? state.index?.byId.get(unitId)?.name ?? `#${unitId}`;
  }, [party.index, state.index]);
}
