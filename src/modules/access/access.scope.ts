/**
 * The SQL side of the policy: a WHERE condition that keeps only rows about units on which the
 * actor may do an action, judged on a date stored in the row itself (a 2021 plan is judged on the
 * 2021 tree). Lists use it instead of checking row by row; single rows use `access.authorize`
 * with the same date, so a list never shows what opening the row would refuse.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../core/actor';
import { relationsFor, type Action } from '../../core/permissions';

/** Rows whose `unitColumn` the actor may act on for `action`, judged on `dateColumn`. */
export function unitScope(actor: Actor | null, action: Action, unitColumn: string, dateColumn: string) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (!actor) return sql<SqlBool>`1 = 0`;
    if (actor.kind === 'system') return sql<SqlBool>`1 = 1`;
    const unit = sql.ref(unitColumn);
    const day = sql.ref(dateColumn);
    const inForceOn = (alias: string) => sql<SqlBool>`${sql.ref(`${alias}.valid_from`)} <= ${day} and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${day})`;
    const branches: Expression<SqlBool>[] = [];
    for (const grant of actor.grants) {
      const relations = relationsFor(grant.role, action);
      if (relations.includes('unrelated')) return sql<SqlBool>`1 = 1`;
      if (relations.includes('self')) branches.push(eb(unit, '=', grant.unitId));
      if (relations.includes('descendant')) {
        branches.push(eb.exists(eb.selectFrom('org_closure as sc').select('sc.depth')
          .where('sc.hierarchy', '=', grant.hierarchy).where('sc.ancestor_id', '=', grant.unitId)
          .where('sc.depth', '>', 0).where(sql<SqlBool>`${sql.ref('sc.descendant_id')} = ${unit}`).where(inForceOn('sc'))));
      }
      if (relations.includes('ancestor')) {
        branches.push(eb.exists(eb.selectFrom('org_closure as sa').select('sa.depth')
          .where('sa.hierarchy', '=', grant.hierarchy).where('sa.descendant_id', '=', grant.unitId)
          .where('sa.depth', '>', 0).where(sql<SqlBool>`${sql.ref('sa.ancestor_id')} = ${unit}`).where(inForceOn('sa'))));
      }
      if (relations.includes('sibling')) {
        branches.push(eb.exists(eb.selectFrom('org_links as mine')
          .innerJoin('org_links as theirs', (j) => j.onRef('theirs.parent_id', '=', 'mine.parent_id').on('theirs.hierarchy', '=', grant.hierarchy))
          .select('mine.id')
          .where('mine.hierarchy', '=', grant.hierarchy).where('mine.unit_id', '=', grant.unitId)
          .where(sql<SqlBool>`${sql.ref('theirs.unit_id')} = ${unit}`).where(sql<SqlBool>`${sql.ref('theirs.unit_id')} <> ${grant.unitId}`)
          .where(inForceOn('mine')).where(inForceOn('theirs'))));
      }
    }
    return branches.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(branches);
  };
}
