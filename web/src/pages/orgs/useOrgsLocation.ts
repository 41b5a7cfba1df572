/**
 * What the organization page shows lives in the address (?h=party&d=2021-06-30&u=42), so a
 * view can be bookmarked, shared, and reached by links from other pages:
 * `orgsLink({ unitId, asOf })` gives the path.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../../src/core/dates';
import { todayVn } from '../../lib/dates';

export interface OrgsView {
  hierarchy: string;
  asOf: string;
  unitId: number | null;
}

export function orgsLink(view: Partial<OrgsView>): string {
  const params = new URLSearchParams();
  if (view.hierarchy && view.hierarchy !== 'party') params.set('h', view.hierarchy);
  if (view.asOf && view.asOf !== todayVn()) params.set('d', view.asOf);
  if (view.unitId) params.set('u', String(view.unitId));
  const search = params.toString();
  return `/orgs${search ? `?${search}` : ''}`;
}

export function useOrgsLocation(): OrgsView & { isToday: boolean; update(patch: Partial<OrgsView>): void } {
  const [params, setParams] = useSearchParams();
  const hierarchy = /^[a-z][a-z0-9_]*$/.test(params.get('h') ?? '') ? params.get('h')! : 'party';
  const date = params.get('d') ?? '';
  const asOf = isIsoDate(date) ? date : todayVn();
  const unit = Number(params.get('u'));
  const unitId = Number.isInteger(unit) && unit > 0 ? unit : null;
  const update = useCallback((patch: Partial<OrgsView>) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (patch.hierarchy !== undefined) {
        if (patch.hierarchy === 'party') next.delete('h');
        else next.set('h', patch.hierarchy);
      }
      if (patch.asOf !== undefined) {
        if (patch.asOf === todayVn()) next.delete('d');
        else next.set('d', patch.asOf);
      }
      if (patch.unitId !== undefined) {
        if (patch.unitId === null) next.delete('u');
        else next.set('u', String(patch.unitId));
      }
      return next;
    });
  }, [setParams]);
  return { hierarchy, asOf, unitId, isToday: asOf === todayVn(), update };
}
