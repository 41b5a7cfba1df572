/** The portal's categories ("chuyên mục"): held at a unit, managed by its editors and leaders. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ConflictError, NotFoundError, invalidField } from '../../core/errors';
import { compareVi } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import * as orgs from '../orgs/orgs.service';
import type { Category, CreateCategoryInput, UpdateCategoryInput } from './news.contract';
import * as repo from './news.repository';
import { freeSlug } from './news.service';

type Db = Kysely<Database>;

type CategoryRow = NonNullable<Awaited<ReturnType<typeof repo.findCategory>>>;

function view(row: CategoryRow): Category {
  return {
    id: row.id, unitId: row.unit_id, slug: row.slug, name: row.name, description: row.description,
    sortOrder: row.sort_order, isActive: row.is_active === 1,
  };
}

function ordered(rows: CategoryRow[]): Category[] {
  return [...rows].sort((a, b) => a.sort_order - b.sort_order || compareVi(a.name, b.name)).map(view);
}

/** Active categories in portal order (public). */
export async function activeCategories(db: Db): Promise<Category[]> {
  return ordered(await repo.listCategories(db, true));
}

export async function publicCategoryBySlug(db: Db, slug: string): Promise<Category | null> {
  const row = await repo.findCategoryBySlug(db, slug);
  return row && row.is_active === 1 ? view(row) : null;
}

export async function listCategories(db: Db, actor: Actor | null, q: { includeInactive?: boolean }): Promise<Category[]> {
  access.requireUser(actor);
  return ordered(await repo.listCategories(db, !q.includeInactive));
}

export async function createCategory(db: Db, actor: Actor | null, input: CreateCategoryInput): Promise<Category> {
  // The unit first (any signed-in user may read the structure), so an unknown unit is a bad field, not a refusal.
  await orgs.getUnit(db, actor, input.unitId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw invalidField('unitId', `không có đơn vị ${input.unitId}`, `there is no unit ${input.unitId}`);
    throw error;
  });
  await access.authorize(db, actor, { action: 'news.category.manage', unitId: input.unitId });
  if (input.slug && (await repo.findCategoryBySlug(db, input.slug))) {
    throw new ConflictError({ vi: `Đã có chuyên mục với đường dẫn "${input.slug}"`, en: `A category already uses the slug "${input.slug}"` }, { field: 'slug' }, 'duplicate_slug');
  }
  const slug = input.slug ?? (await freeSlug(db, 'news_categories', input.name, 'chuyen-muc'));
  const now = new Date().toISOString();
  const id = await repo.insertCategory(db, {
    unit_id: input.unitId, slug, name: input.name, description: input.description ?? null, sort_order: input.sortOrder,
    is_active: 1, created_at: now, updated_at: now,
  });
  const created = view((await repo.findCategory(db, id))!);
  await audit.record(db, actor, { entity: 'news_category', entityId: id, action: 'create', unitId: input.unitId, after: created });
  return created;
}

export async function updateCategory(db: Db, actor: Actor | null, id: number, input: UpdateCategoryInput): Promise<Category> {
  const before = await repo.findCategory(db, id);
  if (!before) throw new NotFoundError('news_category', id);
  await access.authorize(db, actor, { action: 'news.category.manage', unitId: before.unit_id });
  await repo.updateCategory(db, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
    ...(input.isActive !== undefined ? { is_active: input.isActive ? 1 : 0 } : {}),
    updated_at: new Date().toISOString(),
  });
  const after = view((await repo.findCategory(db, id))!);
  await audit.record(db, actor, { entity: 'news_category', entityId: id, action: 'update', unitId: before.unit_id, before: view(before), after });
  return after;
}
