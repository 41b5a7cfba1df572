import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { orgsLink } from './useOrgsLocation';

/** A link to a unit in the organization page, showing the structure on `asOf`. */
export function UnitLink({ unitId, asOf, hierarchy, code, children }: {
  unitId: number; asOf?: string; hierarchy?: string; code?: string; children: ReactNode;
}) {
  return <Link to={orgsLink({ unitId, asOf, hierarchy })} data-unit-code={code}>{children}</Link>;
}
