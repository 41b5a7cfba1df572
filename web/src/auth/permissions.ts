/**
 * What the signed-in person may do, judged with the same POLICY table the server uses
 * (src/core/permissions.ts). The UI only hides what would be refused; the server still decides.
 */
import type { Role } from '../../../src/core/actor';
import { allows, relationsFor, type Action } from '../../../src/core/permissions';
import type { Me } from '../api/auth';

/** The person may do the action somewhere (e.g. to show a menu entry). */
export function canAnywhere(me: Me | null | undefined, action: Action): boolean {
  return !!me?.grants.some((g) => relationsFor(g.role as Role, action).length > 0);
}

/**
 * The person may do the action on a unit, given the unit's ancestors in each hierarchy
 * (as the unit detail returns them). Judged for 'self' and 'descendant' relations, which is
 * what every subtree-scoped action uses.
 */
export function canOnUnit(
  me: Me | null | undefined, action: Action, unitId: number, ancestorIds: ReadonlySet<number>,
): boolean {
  if (!me) return false;
  return me.grants.some((g) => {
    const role = g.role as Role;
    if (g.unitId === unitId) return allows(role, action, 'self');
    if (ancestorIds.has(g.unitId)) return allows(role, action, 'descendant');
    return false;
  });
}
