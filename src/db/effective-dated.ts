/**
 * Effective-dated rows (units, names, links, closure, grants of later modules) are in force on
 * day D when valid_from <= D < valid_to, with valid_to null meaning "still in force".
 */
import { sql, type ExpressionBuilder } from 'kysely';

export function inForce(asOf: string, alias?: string) {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  return (eb: ExpressionBuilder<any, any>) =>
    eb.and([
      eb(col('valid_from'), '<=', asOf),
      eb.or([eb(col('valid_to'), 'is', null), eb(col('valid_to'), '>', asOf)]),
    ]);
}
