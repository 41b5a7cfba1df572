/**
 * Use cases of the organization hierarchy. Every restructuring runs inside the caller's
 * transaction, checks permissions, appends history (never rewrites it) and is audited.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { formatVnDate, todayVn } from '../../core/dates';
import { ConflictError, NotFoundError, ValidationError, invalidField, type FieldIssue } from '../../core/errors';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import type {
  CreateUnitInput, DissolveInput, MergeInput, MoveInput, OrgUnit, RenameInput, RestructureResult, SplitInput,
} from './orgs.contract';
import { resolveLineage } from './orgs.lineage';
import * as repo from './orgs.repository';

type Db = Kysely<Database>;

const nowIso = () => new Date().toISOString();

export async function listUnits(
  db: Db, actor: Actor | null,
  q: { hierarchy: string; asOf?: string; root?: number; depth?: number; q?: string },
): Promise<{ hierarchy: string; asOf: string; units: OrgUnit[] }> {
  await access.authorize(db, actor, { action: 'org.read', unitId: q.root ?? null });
  const asOf = q.asOf ?? todayVn();
  await requireHierarchy(db, q.hierarchy, 'hierarchy');
  const rows = await repo.listTree(db, {
    hierarchy: q.hierarchy, asOf, rootId: q.root, maxDepth: q.depth, search: q.q ? fold(q.q) : undefined,
  });
  return { hierarchy: q.hierarchy, asOf, units: rows.map(({ depth: _depth, ...unit }) => unit) };
}

export async function getUnit(db: Db, actor: Actor | null, unitId: number, asOfInput?: string) {
  await access.authorize(db, actor, { action: 'org.read', unitId });
  const asOf = asOfInput ?? todayVn();
  const unit = await repo.findUnit(db, unitId, asOf);
  if (!unit) throw new NotFoundError('org_unit', unitId);
  const [versions, links, lineage] = await Promise.all([
    repo.unitVersions(db, unitId), repo.unitLinks(db, unitId), resolveLineage(db, unitId),
  ]);
  const day = unit.validTo && unit.validTo <= asOf ? unit.validTo : asOf;
  const current = links.filter((l) => l.validFrom <= day && (l.validTo === null || l.validTo > day || l.validTo === unit.validTo));
  const hierarchies = [...new Set(current.map((l) => l.hierarchy))];
  const ancestors = hierarchies.includes('party') ? await repo.ancestorsOf(db, 'party', unitId, asOf) : [];
  const children = await repo.activeChildren(db, unitId, asOf);
  return {
    ...unit,
    asOf,
    parents: hierarchies.map((h) => {
      const link = current.filter((l) => l.hierarchy === h).at(-1)!;
      return { hierarchy: h, parentId: link.parentId, parentName: link.parentName };
    }),
    ancestors,
    childCount: children.length,
    versions,
    links,
    lineage,
  };
}

export async function getLineage(db: Db, actor: Actor | null, unitId: number) {
  await access.authorize(db, actor, { action: 'org.read', unitId });
  if (!(await repo.unitExists(db, unitId))) throw new NotFoundError('org_unit', unitId);
  return resolveLineage(db, unitId);
}

async function requireHierarchy(db: Db, code: string, field: string) {
  const all = await repo.listHierarchies(db);
  if (!all.some((h) => h.code === code)) {
    throw invalidField(field, `không có hệ thống "${code}" (có: ${all.map((h) => h.code).join(', ')})`,
      `no hierarchy "${code}" (known: ${all.map((h) => h.code).join(', ')})`);
  }
}

async function requireKind(db: Db, kind: string, field: string) {
  const kinds = await repo.listKinds(db);
  if (!kinds.some((k) => k.code === kind)) {
    throw invalidField(field, `loại đơn vị "${kind}" chưa được khai báo`, `unknown unit kind "${kind}"`);
  }
}

/** The unit must exist and be in force on the day; returns its row. */
async function requireUnitOn(db: Db, unitId: number, date: string, field: string) {
  const unit = await repo.findUnit(db, unitId, date);
  if (!unit) throw new NotFoundError('org_unit', unitId);
  if (unit.validFrom > date || (unit.validTo !== null && unit.validTo <= date)) {
    throw invalidField(field, `đơn vị "${unit.name}" không tồn tại vào ngày ${formatVnDate(date)}`,
      `unit "${unit.name}" does not exist on ${date}`);
  }
  return unit;
}

/** History is appended in date order: no change may be dated before a later recorded change. */
async function requireChronological(db: Db, unitIds: number[], date: string) {
  const latest = await repo.latestChangeDate(db, unitIds);
  if (latest && date < latest) {
    throw new ConflictError({
      vi: `Đã có thay đổi tổ chức ngày ${formatVnDate(latest)}; không thể ghi thay đổi có hiệu lực sớm hơn (${formatVnDate(date)})`,
      en: `A change dated ${latest} is already recorded; cannot record one effective earlier (${date})`,
    }, { field: 'effectiveDate', latest }, 'out_of_order');
  }
}

async function requireNewCode(db: Db, code: string, field: string) {
  if (await repo.findUnitByCode(db, code)) {
    throw new ConflictError({ vi: `Mã đơn vị "${code}" đã tồn tại`, en: `Unit code "${code}" already exists` }, { field }, 'duplicate_code');
  }
}

async function openUnit(
  db: Db,
  u: { code: string; name: string; shortName?: string | null; kind: string; validFrom: string },
): Promise<number> {
  const unitId = await repo.insertUnit(db, { code: u.code, validFrom: u.validFrom, createdAt: nowIso() });
  await repo.insertVersion(db, {
    unitId, name: u.name, shortName: u.shortName ?? null, kind: u.kind, nameSearch: fold(`${u.name} ${u.shortName ?? ''} ${u.code}`), validFrom: u.validFrom,
  });
  return unitId;
}

export async function createUnit(db: Db, actor: Actor | null, input: CreateUnitInput): Promise<OrgUnit> {
  if (input.parentId === null) {
    // A new root (a new top-level organization) is a system decision, not an admin's.
    if (actor?.kind !== 'system') throw invalidField('parentId', 'phải chọn đơn vị cấp trên', 'a parent unit is required');
  } else {
    await access.authorize(db, actor, { action: 'org.restructure', unitId: input.parentId });
    await requireUnitOn(db, input.parentId, input.validFrom, 'parentId');
  }
  if (input.stateParentId !== undefined) {
    await access.authorize(db, actor, { action: 'org.restructure', unitId: input.stateParentId });
    await requireUnitOn(db, input.stateParentId, input.validFrom, 'stateParentId');
  }
  await requireHierarchy(db, input.hierarchy, 'hierarchy');
  await requireKind(db, input.kind, 'kind');
  await requireNewCode(db, input.code, 'code');
  const unitId = await openUnit(db, input);
  await repo.attach(db, input.hierarchy, unitId, input.parentId, input.validFrom);
  if (input.stateParentId !== undefined) await repo.attach(db, 'state', unitId, input.stateParentId, input.validFrom);
  const created: OrgUnit = {
    id: unitId, code: input.code, name: input.name, shortName: input.shortName ?? null, kind: input.kind,
    parentId: input.parentId, validFrom: input.validFrom, validTo: null,
  };
  await audit.record(db, actor, { entity: 'org_unit', entityId: unitId, action: 'create', unitId, after: { ...created, stateParentId: input.stateParentId ?? null } });
  return created;
}

export async function renameUnit(db: Db, actor: Actor | null, unitId: number, input: RenameInput): Promise<RestructureResult> {
  await access.authorize(db, actor, { action: 'org.restructure', unitId });
  const unit = await requireUnitOn(db, unitId, input.effectiveDate, 'effectiveDate');
  if (input.kind) await requireKind(db, input.kind, 'kind');
  await requireChronological(db, [unitId], input.effectiveDate);
  if (input.name === unit.name && (input.kind ?? unit.kind) === unit.kind && (input.shortName ?? unit.shortName) === unit.shortName) {
    throw invalidField('name', 'tên mới trùng tên hiện tại', 'the new name equals the current one');
  }
  await repo.closeVersion(db, unitId, input.effectiveDate);
  const next = { name: input.name, shortName: input.shortName ?? unit.shortName, kind: input.kind ?? unit.kind };
  await repo.insertVersion(db, {
    unitId, ...next, nameSearch: fold(`${next.name} ${next.shortName ?? ''} ${unit.code}`), validFrom: input.effectiveDate,
  });
  const eventId = await recordEvent(db, actor, 'rename', input.effectiveDate, input.note, [{ from: unitId, to: unitId }]);
  await audit.record(db, actor, {
    entity: 'org_unit', entityId: unitId, action: 'rename', unitId,
    before: { name: unit.name, shortName: unit.shortName, kind: unit.kind }, after: { ...next, effectiveDate: input.effectiveDate },
  });
  return { eventId, kind: 'rename', effectiveDate: input.effectiveDate, created: [], closed: [] };
}

export async function moveUnit(db: Db, actor: Actor | null, unitId: number, input: MoveInput): Promise<RestructureResult> {
  await access.authorize(db, actor, { action: 'org.restructure', unitId });
  await access.authorize(db, actor, { action: 'org.restructure', unitId: input.parentId });
  await requireHierarchy(db, input.hierarchy, 'hierarchy');
  await requireUnitOn(db, unitId, input.effectiveDate, 'effectiveDate');
  await requireUnitOn(db, input.parentId, input.effectiveDate, 'parentId');
  if (input.parentId === unitId || (await repo.closureDepth(db, input.hierarchy, unitId, input.parentId, input.effectiveDate)) !== null) {
    throw invalidField('parentId', 'không thể chuyển một đơn vị vào chính nó hoặc đơn vị trực thuộc nó', 'cannot move a unit under itself or its own subtree');
  }
  const current = await repo.parentOf(db, input.hierarchy, unitId, input.effectiveDate);
  if (current === input.parentId) throw invalidField('parentId', 'đơn vị đã trực thuộc đơn vị này', 'the unit is already under this parent');
  await requireChronological(db, [unitId, input.parentId], input.effectiveDate);
  const inHierarchy = (await repo.activeLinks(db, unitId, input.effectiveDate)).some((l) => l.hierarchy === input.hierarchy);
  if (inHierarchy) await repo.detach(db, input.hierarchy, unitId, input.effectiveDate);
  await repo.attach(db, input.hierarchy, unitId, input.parentId, input.effectiveDate);
  const eventId = await recordEvent(db, actor, 'move', input.effectiveDate, input.note, [{ from: unitId, to: unitId }]);
  await audit.record(db, actor, {
    entity: 'org_unit', entityId: unitId, action: 'move', unitId,
    before: { hierarchy: input.hierarchy, parentId: current }, after: { hierarchy: input.hierarchy, parentId: input.parentId, effectiveDate: input.effectiveDate },
  });
  return { eventId, kind: 'move', effectiveDate: input.effectiveDate, created: [], closed: [] };
}

/** Move every child a unit still has, in every hierarchy, under another unit. */
async function rehomeChildren(db: Db, fromId: number, toId: number, date: string, only?: Set<number>) {
  const children = await repo.activeChildren(db, fromId, date);
  const targetLinks = new Set((await repo.activeLinks(db, toId, date)).map((l) => l.hierarchy));
  for (const child of children) {
    if (only && !only.has(child.unitId)) continue;
    if (!targetLinks.has(child.hierarchy)) {
      throw invalidField('into', `đơn vị nhận không thuộc hệ thống "${child.hierarchy}" để nhận các đơn vị trực thuộc`,
        `the receiving unit is not in hierarchy "${child.hierarchy}" to take the children`);
    }
    await repo.detach(db, child.hierarchy, child.unitId, date);
    await repo.attach(db, child.hierarchy, child.unitId, toId, date);
  }
}

/** End a unit's existence on a day: links and closure rows in every hierarchy, name, identity. */
async function closeUnitEverywhere(db: Db, unitId: number, date: string) {
  for (const link of await repo.activeLinks(db, unitId, date)) {
    await repo.detach(db, link.hierarchy, unitId, date);
    await repo.closeSelf(db, link.hierarchy, unitId, date);
  }
  await repo.closeVersion(db, unitId, date);
  await repo.closeUnit(db, unitId, date);
}

export async function mergeUnits(db: Db, actor: Actor | null, input: MergeInput): Promise<RestructureResult> {
  const date = input.effectiveDate;
  const sourceIds = [...new Set(input.sourceIds)];
  for (const sourceId of sourceIds) {
    await access.authorize(db, actor, { action: 'org.restructure', unitId: sourceId });
    await requireUnitOn(db, sourceId, date, 'sourceIds');
  }
  const created: RestructureResult['created'] = [];
  let targetId: number;
  if ('unitId' in input.into) {
    targetId = input.into.unitId;
    if (sourceIds.includes(targetId)) throw invalidField('into.unitId', 'đơn vị nhận không được nằm trong danh sách sáp nhập', 'the receiving unit cannot also be a source');
    await access.authorize(db, actor, { action: 'org.restructure', unitId: targetId });
    await requireUnitOn(db, targetId, date, 'into.unitId');
  } else {
    const nu = input.into.newUnit;
    if (sourceIds.length < 2) throw invalidField('sourceIds', 'hợp nhất thành đơn vị mới cần ít nhất 2 đơn vị', 'merging into a new unit needs at least two units');
    const parentId = nu.parentId ?? (await repo.parentOf(db, 'party', sourceIds[0], date));
    if (parentId === null) throw invalidField('into.newUnit.parentId', 'phải chọn đơn vị cấp trên', 'a parent unit is required');
    await access.authorize(db, actor, { action: 'org.restructure', unitId: parentId });
    await requireUnitOn(db, parentId, date, 'into.newUnit.parentId');
    await requireKind(db, nu.kind, 'into.newUnit.kind');
    await requireNewCode(db, nu.code, 'into.newUnit.code');
    if (sourceIds.some((s) => s === parentId)) throw invalidField('into.newUnit.parentId', 'đơn vị cấp trên không được là đơn vị bị hợp nhất', 'the parent cannot be one of the merged units');
    targetId = await openUnit(db, { ...nu, validFrom: date });
    await repo.attach(db, 'party', targetId, parentId, date);
    created.push({ id: targetId, code: nu.code, name: nu.name });
  }
  for (const sourceId of sourceIds) {
    if ((await repo.closureDepth(db, 'party', sourceId, targetId, date)) !== null) {
      throw invalidField('into', 'không thể sáp nhập một đơn vị vào đơn vị trực thuộc nó', 'cannot merge a unit into its own subtree');
    }
  }
  await requireChronological(db, [...sourceIds, targetId], date);
  for (const sourceId of sourceIds) {
    await rehomeChildren(db, sourceId, targetId, date);
    await closeUnitEverywhere(db, sourceId, date);
  }
  const eventId = await recordEvent(db, actor, 'merge', date, input.note, sourceIds.map((s) => ({ from: s, to: targetId })));
  await audit.record(db, actor, {
    entity: 'org_unit', entityId: targetId, action: 'merge', unitId: targetId,
    before: { sourceIds }, after: { targetId, created, effectiveDate: date },
  });
  return { eventId, kind: 'merge', effectiveDate: date, created, closed: sourceIds };
}

export async function splitUnit(db: Db, actor: Actor | null, sourceId: number, input: SplitInput): Promise<RestructureResult> {
  const date = input.effectiveDate;
  await access.authorize(db, actor, { action: 'org.restructure', unitId: sourceId });
  await requireUnitOn(db, sourceId, date, 'effectiveDate');
  const defaultParent = await repo.parentOf(db, 'party', sourceId, date);
  const children = await repo.activeChildren(db, sourceId, date);
  const childIds = new Set(children.map((c) => c.unitId));
  const assigned = new Map<number, number>();
  const issues: FieldIssue[] = [];
  const codes = new Set<string>();
  for (const [i, part] of input.parts.entries()) {
    if (codes.has(part.code)) issues.push({ field: `parts.${i}.code`, message: { vi: `mã "${part.code}" bị lặp`, en: `code "${part.code}" is repeated` } });
    codes.add(part.code);
    for (const childId of part.childIds) {
      if (!childIds.has(childId)) issues.push({ field: `parts.${i}.childIds`, message: { vi: `đơn vị ${childId} không trực thuộc đơn vị bị chia tách`, en: `unit ${childId} is not a child of the unit being split` } });
      else if (assigned.has(childId)) issues.push({ field: `parts.${i}.childIds`, message: { vi: `đơn vị ${childId} được giao cho hai đơn vị mới`, en: `unit ${childId} is assigned twice` } });
      assigned.set(childId, i);
    }
  }
  const unassigned = [...childIds].filter((c) => !assigned.has(c));
  if (unassigned.length > 0) {
    issues.push({ field: 'parts', message: { vi: `còn ${unassigned.length} đơn vị trực thuộc chưa được giao: ${unassigned.slice(0, 20).join(', ')}`, en: `${unassigned.length} child units are not assigned: ${unassigned.slice(0, 20).join(', ')}` } });
  }
  if (issues.length) throw new ValidationError(issues);
  await requireChronological(db, [sourceId], date);
  const created: RestructureResult['created'] = [];
  const partIds: number[] = [];
  for (const [i, part] of input.parts.entries()) {
    const parentId = part.parentId ?? defaultParent;
    if (parentId === null) throw invalidField(`parts.${i}.parentId`, 'phải chọn đơn vị cấp trên', 'a parent unit is required');
    await access.authorize(db, actor, { action: 'org.restructure', unitId: parentId });
    await requireUnitOn(db, parentId, date, `parts.${i}.parentId`);
    await requireKind(db, part.kind, `parts.${i}.kind`);
    await requireNewCode(db, part.code, `parts.${i}.code`);
    if (parentId === sourceId) throw invalidField(`parts.${i}.parentId`, 'đơn vị mới không thể trực thuộc đơn vị bị chia tách', 'a new unit cannot sit under the unit being split');
    const newId = await openUnit(db, { ...part, validFrom: date });
    await repo.attach(db, 'party', newId, parentId, date);
    partIds.push(newId);
    created.push({ id: newId, code: part.code, name: part.name });
  }
  for (const [i] of input.parts.entries()) {
    const mine = new Set([...assigned].filter(([, p]) => p === i).map(([c]) => c));
    if (mine.size) await rehomeChildren(db, sourceId, partIds[i], date, mine);
  }
  await closeUnitEverywhere(db, sourceId, date);
  const eventId = await recordEvent(db, actor, 'split', date, input.note, partIds.map((p) => ({ from: sourceId, to: p })));
  await audit.record(db, actor, { entity: 'org_unit', entityId: sourceId, action: 'split', unitId: sourceId, after: { created, effectiveDate: date } });
  return { eventId, kind: 'split', effectiveDate: date, created, closed: [sourceId] };
}

export async function dissolveUnit(db: Db, actor: Actor | null, unitId: number, input: DissolveInput): Promise<RestructureResult> {
  const date = input.effectiveDate;
  await access.authorize(db, actor, { action: 'org.restructure', unitId });
  const unit = await requireUnitOn(db, unitId, date, 'effectiveDate');
  for (const [field, other] of [['successorId', input.successorId], ['childrenTo', input.childrenTo]] as const) {
    if (other === undefined) continue;
    if (other === unitId) throw invalidField(field, 'không thể là chính đơn vị bị giải thể', 'cannot be the dissolved unit itself');
    await access.authorize(db, actor, { action: 'org.restructure', unitId: other });
    await requireUnitOn(db, other, date, field);
    if ((await repo.closureDepth(db, 'party', unitId, other, date)) !== null) {
      throw invalidField(field, 'không thể là đơn vị trực thuộc đơn vị bị giải thể', 'cannot be inside the dissolved unit');
    }
  }
  const children = await repo.activeChildren(db, unitId, date);
  if (children.length > 0 && input.childrenTo === undefined) {
    throw new ConflictError({
      vi: `Đơn vị "${unit.name}" còn ${children.length} đơn vị trực thuộc; hãy chuyển, sáp nhập hoặc chọn nơi nhận (childrenTo) trước khi giải thể`,
      en: `Unit "${unit.name}" still has ${children.length} child units; move or merge them, or give childrenTo`,
    }, { field: 'childrenTo', children: children.length }, 'has_children');
  }
  await requireChronological(db, [unitId], date);
  if (input.childrenTo !== undefined) await rehomeChildren(db, unitId, input.childrenTo, date);
  await closeUnitEverywhere(db, unitId, date);
  const eventId = await recordEvent(db, actor, 'dissolve', date, input.note, [{ from: unitId, to: input.successorId ?? null }]);
  await audit.record(db, actor, {
    entity: 'org_unit', entityId: unitId, action: 'dissolve', unitId,
    before: { name: unit.name }, after: { successorId: input.successorId ?? null, childrenTo: input.childrenTo ?? null, effectiveDate: date },
  });
  return { eventId, kind: 'dissolve', effectiveDate: date, created: [], closed: [unitId] };
}

async function recordEvent(
  db: Db, actor: Actor | null, kind: string, date: string, note: string | undefined,
  edges: Array<{ from: number; to: number | null }>,
): Promise<number> {
  const eventId = await repo.insertEvent(db, {
    kind, effectiveDate: date, note: note ?? null, actorUserId: actor?.kind === 'user' ? actor.userId : null, createdAt: nowIso(),
  });
  await repo.insertLineage(db, edges.map((e) => ({ eventId, fromUnitId: e.from, toUnitId: e.to, kind, effectiveDate: date })));
  return eventId;
}

export async function listKinds(db: Db, actor: Actor | null) {
  await access.authorize(db, actor, { action: 'org.read', unitId: null });
  return (await repo.listKinds(db)).map((k) => ({ code: k.code, nameVi: k.name_vi, nameEn: k.name_en, isCustom: k.is_custom === 1 }));
}

export async function createKind(db: Db, actor: Actor | null, input: { code: string; nameVi: string; nameEn: string }) {
  await access.authorize(db, actor, { action: 'org.restructure', unitId: null });
  if ((await repo.listKinds(db)).some((k) => k.code === input.code)) {
    throw new ConflictError({ vi: `Loại đơn vị "${input.code}" đã có`, en: `Unit kind "${input.code}" exists` }, { field: 'code' });
  }
  await repo.insertKind(db, input);
  await audit.record(db, actor, { entity: 'org_kind', entityId: input.code, action: 'create', after: input });
  return { ...input, isCustom: true };
}

export async function listHierarchies(db: Db, actor: Actor | null) {
  await access.authorize(db, actor, { action: 'org.read', unitId: null });
  return (await repo.listHierarchies(db)).map((h) => ({ code: h.code, nameVi: h.name_vi, nameEn: h.name_en }));
}
