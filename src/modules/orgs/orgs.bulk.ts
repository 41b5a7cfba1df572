/**
 * Creating many units at once — a whole tree, placed in one or more hierarchies, possibly under
 * units already in the database. Everything is validated first (every problem reported, by
 * index and field); then identities, names, links and closure rows are written in chunked
 * inserts, with the closure computed in memory. One audit entry per attachment point lists what
 * was created under it. Used by the demo, by file import, and by anyone loading thousands of units.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { isIsoDate } from '../../core/dates';
import { ValidationError, type Localized } from '../../core/errors';
import { childClosure, parentsFirst, type ClosureSpan } from '../../core/hierarchy';
import { formatVnDate } from '../../core/dates';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import type { OrgClosureTable } from '../../db/tables/orgs';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { kindCode, unitCode } from './orgs.contract';
import * as batch from './orgs.batch.repository';
import * as repo from './orgs.repository';

type Db = Kysely<Database>;

export interface BulkUnitInput {
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
  validFrom: string;
  /** Parent code per hierarchy (`party`, `state` …): null makes the unit a root there; absent = not in it. */
  parents: Record<string, string | null>;
}

export type BulkField = 'code' | 'name' | 'shortName' | 'kind' | 'validFrom' | `parents.${string}`;
export interface BulkIssue {
  index: number;
  field: BulkField;
  message: Localized;
}

export interface BulkProgress {
  /** Rows written so far (units, names, links and closure rows together) and in all. */
  done: number;
  total: number;
}

export interface BulkResult {
  created: Array<{ id: number; code: string; name: string }>;
  closureRows: number;
}

interface DbUnit { id: number; code: string; validFrom: string; validTo: string | null }

interface Plan {
  units: BulkUnitInput[];
  existing: Map<string, DbUnit>;
  /** Distinct database units that receive new children, per hierarchy. */
  anchors: Map<string, Set<number>>;
}

const issue = (index: number, field: BulkField, vi: string, en: string): BulkIssue => ({ index, field, message: { vi, en } });

function checkShape(u: BulkUnitInput, i: number, hierarchies: Set<string>, kinds: Set<string>): BulkIssue[] {
  const out: BulkIssue[] = [];
  if (!unitCode.safeParse(u.code).success) out.push(issue(i, 'code', 'mã đơn vị trống hoặc có ký tự không hợp lệ (chỉ gồm chữ, số và . _ - /, tối đa 64)', 'the unit code is empty or has invalid characters (letters, digits and . _ - / only, at most 64)'));
  if (!u.name || u.name.trim() === '') out.push(issue(i, 'name', 'tên đơn vị không được để trống', 'the name must not be empty'));
  else if (u.name.length > 300) out.push(issue(i, 'name', 'tên đơn vị dài quá 300 ký tự', 'the name is longer than 300 characters'));
  if (u.shortName && u.shortName.length > 120) out.push(issue(i, 'shortName', 'tên viết tắt dài quá 120 ký tự', 'the short name is longer than 120 characters'));
  if (!kindCode.safeParse(u.kind).success || !kinds.has(u.kind)) {
    out.push(issue(i, 'kind', `loại đơn vị "${u.kind}" chưa được khai báo (có: ${[...kinds].join(', ')})`, `unknown unit kind "${u.kind}" (known: ${[...kinds].join(', ')})`));
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(u.validFrom) || !isIsoDate(u.validFrom)) {
    out.push(issue(i, 'validFrom', `ngày hiệu lực "${u.validFrom}" không hợp lệ`, `"${u.validFrom}" is not a valid date`));
  }
  const placed = Object.keys(u.parents);
  if (placed.length === 0) out.push(issue(i, 'parents.party', 'đơn vị phải thuộc ít nhất một hệ thống tổ chức', 'the unit must belong to at least one hierarchy'));
  for (const h of placed) {
    if (!hierarchies.has(h)) out.push(issue(i, `parents.${h}`, `không có hệ thống "${h}"`, `no hierarchy "${h}"`));
  }
  return out;
}

/** How messages point at another item of the batch ("mục 3"; an import says "dòng 4"). */
export type ItemLabel = (index: number) => Localized;
const defaultLabel: ItemLabel = (i) => ({ vi: `mục ${i + 1}`, en: `item ${i + 1}` });

/** Every problem with the batch, by index and field; throws 403 when the actor may not add units under a parent. */
export async function validateBulk(
  db: Db, actor: Actor | null, units: BulkUnitInput[], label: ItemLabel = defaultLabel,
): Promise<{ issues: BulkIssue[]; plan: Plan }> {
  await access.authorize(db, actor, { action: 'org.restructure', unitId: null });
  const hierarchies = new Set((await repo.listHierarchies(db)).map((h) => h.code));
  const kinds = new Set((await repo.listKinds(db)).map((k) => k.code));
  const issues: BulkIssue[] = units.flatMap((u, i) => checkShape(u, i, hierarchies, kinds));

  const byCode = new Map<string, number>();
  units.forEach((u, i) => {
    const first = byCode.get(u.code);
    if (first === undefined) byCode.set(u.code, i);
    else issues.push(issue(i, 'code', `mã "${u.code}" bị lặp (đã có ở ${label(first).vi})`, `code "${u.code}" is repeated (first at ${label(first).en})`));
  });
  const referenced = units.flatMap((u) => [u.code, ...Object.values(u.parents).filter((p): p is string => !!p)]);
  const existing = new Map((await batch.unitsByCodes(db, referenced)).map((r) => [r.code, r]));
  units.forEach((u, i) => {
    if (existing.has(u.code)) issues.push(issue(i, 'code', `mã đơn vị "${u.code}" đã tồn tại`, `unit code "${u.code}" already exists`));
  });

  const anchors = new Map<string, Set<number>>();
  for (const h of hierarchies) {
    const inH = units.map((u, i) => ({ u, i })).filter(({ u }) => h in u.parents);
    const ancestry = await parentAncestry(db, h, inH.map(({ u }) => u.parents[h]).filter((p): p is string => !!p && existing.has(p)).map((p) => existing.get(p)!.id));
    for (const { u, i } of inH) {
      const field = `parents.${h}` as const;
      const parentCode = u.parents[h];
      if (parentCode === null) {
        // A new top-level organization is a system decision, as in createUnit.
        if (actor?.kind !== 'system') issues.push(issue(i, field, 'phải có đơn vị cấp trên', 'a parent unit is required'));
        continue;
      }
      if (parentCode === u.code) {
        issues.push(issue(i, field, 'đơn vị không thể trực thuộc chính nó', 'a unit cannot be its own parent'));
        continue;
      }
      const inBatch = byCode.get(parentCode);
      if (inBatch !== undefined) {
        const parent = units[inBatch];
        if (!(h in parent.parents)) issues.push(issue(i, field, `đơn vị cấp trên "${parentCode}" không thuộc hệ thống "${h}"`, `parent "${parentCode}" is not placed in hierarchy "${h}"`));
        else if (parent.validFrom > u.validFrom && isIsoDate(parent.validFrom)) {
          issues.push(issue(i, 'validFrom', `đơn vị cấp trên "${parentCode}" chỉ có từ ${formatVnDate(parent.validFrom)}, sau ngày hiệu lực của đơn vị này`, `parent "${parentCode}" only exists from ${parent.validFrom}, after this unit's start`));
        }
        continue;
      }
      const dbParent = existing.get(parentCode);
      if (!dbParent) {
        issues.push(issue(i, field, `không có đơn vị cấp trên mã "${parentCode}" (trong tệp hoặc trong hệ thống)`, `unknown parent "${parentCode}" (neither in the file nor in the system)`));
        continue;
      }
      const problem = dbParentProblem(dbParent, u.validFrom, h, ancestry.get(dbParent.id) ?? []);
      if (problem) {
        issues.push(issue(i, field, problem.vi, problem.en));
        continue;
      }
      if (!anchors.has(h)) anchors.set(h, new Set());
      anchors.get(h)!.add(dbParent.id);
    }
    const keys = inH.map(({ u }) => u.code).filter((c) => byCode.has(c));
    const { order, cycles } = parentsFirst(keys, (c) => units[byCode.get(c)!].parents[h]);
    for (const cycle of cycles) {
      for (const c of cycle) {
        issues.push(issue(byCode.get(c)!, `parents.${h}`, `vòng lặp cấp trên: ${[...cycle, cycle[0]].join(' → ')}`, `parent cycle: ${[...cycle, cycle[0]].join(' → ')}`));
      }
    }
    const cyclic = new Set(cycles.flat());
    const placed = new Set(order);
    for (const c of keys) {
      if (!placed.has(c) && !cyclic.has(c)) {
        issues.push(issue(byCode.get(c)!, `parents.${h}`, 'đơn vị cấp trên nằm trong một vòng lặp', 'the parent is part of a cycle'));
      }
    }
  }
  for (const ids of anchors.values()) {
    for (const unitId of ids) await access.authorize(db, actor, { action: 'org.restructure', unitId });
  }
  issues.sort((a, b) => a.index - b.index);
  return { issues, plan: { units, existing, anchors } };
}

async function parentAncestry(db: Db, hierarchy: string, parentIds: number[]): Promise<Map<number, ClosureSpan[]>> {
  const map = new Map<number, ClosureSpan[]>();
  if (parentIds.length === 0) return map;
  for (const r of await batch.ancestryOf(db, hierarchy, parentIds)) {
    if (!map.has(r.unitId)) map.set(r.unitId, []);
    map.get(r.unitId)!.push({ ancestorId: r.ancestorId, depth: r.depth, validFrom: r.validFrom, validTo: r.validTo });
  }
  return map;
}

function dbParentProblem(parent: DbUnit, date: string, hierarchy: string, spans: ClosureSpan[]): Localized | null {
  if (parent.validFrom > date) {
    return { vi: `đơn vị cấp trên "${parent.code}" chỉ có từ ${formatVnDate(parent.validFrom)}`, en: `parent "${parent.code}" only exists from ${parent.validFrom}` };
  }
  if (parent.validTo !== null) {
    // Children added under a unit that later closed would have missed its restructuring.
    return { vi: `đơn vị cấp trên "${parent.code}" đã giải thể hoặc sáp nhập từ ${formatVnDate(parent.validTo)}`, en: `parent "${parent.code}" was closed on ${parent.validTo}` };
  }
  const self = spans.find((s) => s.ancestorId === parent.id && s.depth === 0 && s.validFrom <= date && (s.validTo === null || s.validTo > date));
  if (!self) {
    return { vi: `đơn vị cấp trên "${parent.code}" không thuộc hệ thống "${hierarchy}" vào ngày ${formatVnDate(date)}`, en: `parent "${parent.code}" is not in hierarchy "${hierarchy}" on ${date}` };
  }
  return null;
}

/** Validate, then write the whole batch; throws a ValidationError naming `units.<i>.<field>` for every problem. */
export async function bulkCreateUnits(
  db: Db, actor: Actor | null, units: BulkUnitInput[],
  options: { source?: string; onProgress?: (p: BulkProgress) => void } = {},
): Promise<BulkResult> {
  const { issues, plan } = await validateBulk(db, actor, units);
  if (issues.length > 0) {
    throw new ValidationError(issues.map((i) => ({ field: `units.${i.index}.${i.field}`, message: i.message })));
  }
  return writeBulk(db, actor, plan, options);
}

async function writeBulk(
  db: Db, actor: Actor | null, plan: Plan, options: { source?: string; onProgress?: (p: BulkProgress) => void },
): Promise<BulkResult> {
  const { units, existing } = plan;
  const hierarchies = [...new Set(units.flatMap((u) => Object.keys(u.parents)))];
  const linkCount = units.reduce((n, u) => n + Object.keys(u.parents).length, 0);
  // Closure rows are known only once computed; estimate with the links and correct as we go.
  const progress = { done: 0, total: units.length * 2 + linkCount * 2 };
  const advance = (n: number) => {
    progress.done += n;
    options.onProgress?.({ ...progress });
  };
  const now = new Date().toISOString();
  const ids = await batch.insertUnits(db, units.map((u) => ({ code: u.code, validFrom: u.validFrom, createdAt: now })), advance);
  await batch.insertVersions(db, units.map((u) => ({
    unit_id: ids.get(u.code)!, name: u.name.trim(), short_name: u.shortName?.trim() || null, kind: u.kind,
    name_search: fold(`${u.name} ${u.shortName ?? ''} ${u.code}`), valid_from: u.validFrom, valid_to: null,
  })), advance);
  const idOf = (code: string) => ids.get(code) ?? existing.get(code)!.id;
  await batch.insertLinks(db, units.flatMap((u) => Object.entries(u.parents).map(([hierarchy, parent]) => ({
    hierarchy, unit_id: ids.get(u.code)!, parent_id: parent === null ? null : idOf(parent), valid_from: u.validFrom, valid_to: null,
  }))), advance);

  const closure: OrgClosureTable[] = [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const h of hierarchies) {
    const inH = units.filter((u) => h in u.parents);
    const dbParents = inH.map((u) => u.parents[h]).filter((p): p is string => p !== null && !byCode.has(p)).map((p) => existing.get(p)!.id);
    const spans = await parentAncestry(db, h, dbParents);
    const { order } = parentsFirst(inH.map((u) => u.code), (c) => byCode.get(c)!.parents[h]);
    for (const code of order) {
      const u = byCode.get(code)!;
      const parent = u.parents[h];
      const unitId = ids.get(code)!;
      const rows = childClosure(unitId, u.validFrom, parent === null ? [] : spans.get(idOf(parent)) ?? []);
      spans.set(unitId, rows);
      for (const r of rows) {
        closure.push({ hierarchy: h, ancestor_id: r.ancestorId, descendant_id: unitId, depth: r.depth, valid_from: r.validFrom, valid_to: r.validTo });
      }
    }
  }
  progress.total += closure.length - linkCount;
  await batch.insertClosure(db, closure, advance);

  const created = units.map((u) => ({ id: ids.get(u.code)!, code: u.code, name: u.name.trim() }));
  await auditByAnchor(db, actor, plan, ids, options.source ?? 'bulk');
  return { created, closureRows: closure.length };
}

/** One audit entry per database unit that received new units (or per batch of new roots). */
async function auditByAnchor(db: Db, actor: Actor | null, plan: Plan, ids: Map<string, number>, source: string) {
  const byCode = new Map(plan.units.map((u) => [u.code, u]));
  const anchorOf = (u: BulkUnitInput): number | null => {
    const seen = new Set<string>();
    let current = u;
    for (;;) {
      const [h] = Object.keys(current.parents);
      const parent = current.parents[h];
      if (parent === null) return null;
      const next = byCode.get(parent);
      if (!next || seen.has(parent)) return plan.existing.get(parent)?.id ?? null;
      seen.add(parent);
      current = next;
    }
  };
  const groups = new Map<number | null, BulkUnitInput[]>();
  for (const u of plan.units) {
    const anchor = anchorOf(u);
    if (!groups.has(anchor)) groups.set(anchor, []);
    groups.get(anchor)!.push(u);
  }
  for (const [anchor, group] of groups) {
    await audit.record(db, actor, {
      entity: 'org_unit', entityId: anchor, action: 'bulk_create', unitId: anchor,
      after: {
        source, count: group.length,
        units: group.map((u) => ({ id: ids.get(u.code), code: u.code, name: u.name, kind: u.kind, validFrom: u.validFrom, parents: u.parents })),
      },
    });
  }
}
