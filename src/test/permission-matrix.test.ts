/**
 * The permission matrix: every /api/v1 route × role × relation of the target unit to the unit
 * where the role is granted, checked against POLICY through the real HTTP stack. A refused
 * request must get 403 and leave nothing behind but an `access/denied` audit entry; an allowed
 * one must not be refused. Routes come from the catalogue (route-catalog.ts); a route the app
 * registers that the catalogue lacks fails the first test.
 *
 * One user per role probes every case; its single grant is moved to the unit that gives the
 * wanted relation before each case (grants are read on every request), so sessions are reused.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, SYSTEM_CLI, type Role } from '../core/actor';
import { RELATIONS, allows, relationsFor, type Relation } from '../core/permissions';
import * as access from '../modules/access/access.service';
import * as orgsRepo from '../modules/orgs/orgs.repository';
import * as usersRepo from '../modules/users/users.repository';
import * as users from '../modules/users/users.service';
import { startTestApp, type TestApp } from './app';
import { catalogFixtures, type CatalogFixtures, type Me } from './catalog-fixtures';
import { injectOptions, routeKey, type CatalogEntry, type Probe, type RouteRequest, type UnitProbe } from './catalog-entry';
import { testDatabases } from './databases';
import { snapshot, unexpectedWrites } from './db-snapshot';
import { login, makeUser, type Session } from './fixtures';
import { ROUTE_CATALOG } from './route-catalog';

const databases = await testDatabases();
const DENIED = new Set(['access/denied']);

interface Prober {
  role: Role;
  me: Me;
  session: Session;
  grantUnit: number | null;
}

describe.each(databases)('permission matrix on $name', (database) => {
  let t: TestApp;
  let fx: CatalogFixtures;
  const probers = new Map<Role, Prober>();
  const sharedGrantUnits = new Map<Relation, number>();

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    fx = catalogFixtures(t.handle.db, t.tree, t.app.fileStore);
    for (const role of ROLES) {
      const username = `tham-do-${role}`;
      const userId = await t.handle.db.transaction().execute((tx) => makeUser(tx, username, t.tree.otherProvince));
      probers.set(role, { role, me: { userId, username, unitId: t.tree.otherProvince }, session: await login(t.app, username), grantUnit: null });
    }
  });
  afterAll(async () => t?.close());

  /** Give the prober exactly one grant: its role at `unitId`. */
  async function grantAt(prober: Prober, unitId: number) {
    if (prober.grantUnit === unitId) return;
    const db = t.handle.db;
    const current = await usersRepo.grantsFor(db, [prober.me.userId]);
    await db.transaction().execute(async (tx) => {
      for (const g of current) await users.removeGrant(tx, SYSTEM_CLI, prober.me.userId, g.id);
      await users.addGrant(tx, SYSTEM_CLI, prober.me.userId, { role: prober.role, unitId, hierarchy: 'party' });
    });
    prober.grantUnit = unitId;
  }

  /** A unit whose relation to `target` is the wanted one: the target itself, its parent, a child, a sibling, another root. */
  async function grantUnitFor(target: number, relation: Relation): Promise<number> {
    const db = t.handle.db;
    const children = async (unit: number) => (await orgsRepo.activeChildren(db, unit, fx.today, 'party')).map((c) => c.unitId).sort((a, b) => a - b);
    let unit: number;
    switch (relation) {
      case 'self': unit = target; break;
      case 'descendant': {
        const parent = await orgsRepo.parentOf(db, 'party', target, fx.today);
        if (parent === null) throw new Error(`target ${target} is a root: it has no unit above it`);
        unit = parent;
        break;
      }
      case 'ancestor': unit = (await children(target))[0] ?? await fx.freshUnit(target); break;
      case 'sibling': {
        const parent = await orgsRepo.parentOf(db, 'party', target, fx.today);
        if (parent === null) throw new Error(`target ${target} is a root: it has no siblings`);
        unit = (await children(parent)).find((c) => c !== target) ?? await fx.freshUnit(parent);
        break;
      }
      case 'unrelated': unit = t.tree.otherProvince; break;
    }
    // The fixture itself is checked: the real code must see the intended relation.
    const seen = await access.relationOf(db, { unitId: unit, hierarchy: 'party' }, target);
    if (seen !== relation) throw new Error(`fixture: unit ${unit} is ${seen}, not ${relation}, of target ${target}`);
    return unit;
  }

  async function unitCase(probe: UnitProbe, relation: Relation): Promise<{ target: number; grantUnit: number }> {
    if (probe.freshTarget) {
      const target = await probe.freshTarget(fx);
      return { target, grantUnit: await grantUnitFor(target, relation) };
    }
    const target = t.tree.districtA;
    let grantUnit = sharedGrantUnits.get(relation);
    if (grantUnit === undefined) {
      grantUnit = await grantUnitFor(target, relation);
      sharedGrantUnits.set(relation, grantUnit);
    }
    return { target, grantUnit };
  }

  const describeResponse = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 300)}`;

  /** Send; when refusal is expected, also check it wrote nothing but the refusal's audit entry. */
  async function send(
    transport: (opts: InjectOptions) => Promise<LightMyRequestResponse>, opts: InjectOptions,
    expectation: { refused: true; status: 401 | 403 } | { refused: false; status: number | '2xx' },
  ): Promise<string | null> {
    const db = t.handle.db;
    const before = expectation.refused ? await snapshot(db) : null;
    const res = await transport(opts);
    if (expectation.refused) {
      if (res.statusCode !== expectation.status) return `expected ${expectation.status}, got ${describeResponse(res)}`;
      const code = res.json().error?.code;
      if (expectation.status === 403 && code !== 'forbidden') return `403 with code ${code}, expected forbidden`;
      const { problems, audit } = await unexpectedWrites(db, before!, DENIED);
      if (expectation.status === 403 && audit.length === 0) problems.push('no access/denied audit entry');
      if (expectation.status === 401 && audit.length > 0) problems.push(`audit entries ${audit.join(', ')}`);
      return problems.length ? `refused but wrote: ${problems.join('; ')}` : null;
    }
    if (expectation.status === '2xx') {
      return res.statusCode >= 200 && res.statusCode < 300 ? null : `expected success, got ${describeResponse(res)}`;
    }
    return res.statusCode === expectation.status ? null : `expected ${expectation.status}, got ${describeResponse(res)}`;
  }

  async function runProbe(entry: CatalogEntry, probe: Probe, problems: string[]) {
    const note = (label: string, problem: string | null) => { if (problem) problems.push(`${label}: ${problem}`); };
    if (probe.kind === 'unit') {
      for (const relation of RELATIONS) {
        for (const role of ROLES) {
          const prober = probers.get(role)!;
          const { target, grantUnit } = await unitCase(probe, relation);
          await grantAt(prober, grantUnit);
          const req = await probe.request(fx, { target, grantUnit, relation });
          const allowed = allows(role, probe.action, relation);
          const failsAfterAuth = probe.passesAuthButFails?.[relation];
          note(`${role} on ${relation} (${probe.action} ${allowed ? 'allowed' : 'refused'})`, await send(
            prober.session.inject, injectOptions(entry, req),
            allowed ? { refused: false, status: failsAfterAuth ?? '2xx' } : { refused: true, status: 403 },
          ));
        }
      }
    } else if (probe.kind === 'role') {
      for (const role of ROLES) {
        const prober = probers.get(role)!;
        await grantAt(prober, t.tree.districtA);
        const allowed = relationsFor(role, probe.action).length > 0;
        note(`${role} (${probe.action} anywhere: ${allowed ? 'allowed' : 'refused'})`, await send(
          prober.session.inject, injectOptions(entry, await probe.request(fx)),
          allowed ? { refused: false, status: '2xx' } : { refused: true, status: 403 },
        ));
      }
    } else {
      for (const role of ROLES) {
        const prober = probers.get(role)!;
        await grantAt(prober, t.tree.districtA);
        const session = probe.ownSession ? await login(t.app, prober.me.username) : prober.session;
        note(`${role} signed in`, await send(session.inject, injectOptions(entry, await probe.request(fx, prober.me)), { refused: false, status: probe.status }));
      }
    }
  }

  /** The request a caller without credentials sends: the entry's own, or the first probe's. */
  async function anonymousRequest(entry: CatalogEntry): Promise<RouteRequest> {
    if (entry.anonymous) return entry.anonymous.request(fx);
    const probe = entry.probes[0];
    if (probe.kind === 'unit') {
      const target = probe.freshTarget ? await probe.freshTarget(fx) : t.tree.districtA;
      return probe.request(fx, { target, grantUnit: target, relation: 'self' });
    }
    if (probe.kind === 'role') return probe.request(fx);
    return probe.request(fx, await fx.userAt(t.tree.districtA));
  }

  it.skipIf(database.skip)('lists every registered /api/v1 route in the catalogue, and nothing else', () => {
    const registered = new Set(t.routes.filter((r) => r.url.startsWith('/api/v1/')).map(routeKey));
    const catalogued = ROUTE_CATALOG.map(routeKey);
    const missing = [...registered].filter((k) => !catalogued.includes(k)).sort();
    const stale = catalogued.filter((k) => !registered.has(k));
    const duplicated = catalogued.filter((k, i) => catalogued.indexOf(k) !== i);
    expect({ missing, stale, duplicated }, 'add the missing routes to src/test/route-catalog.ts (see its header)')
      .toEqual({ missing: [], stale: [], duplicated: [] });
  });

  for (const entry of ROUTE_CATALOG) {
    it.skipIf(database.skip)(`${entry.method} ${entry.url}`, async () => {
      expect(entry.probes.length, 'an entry needs at least one probe').toBeGreaterThan(0);
      const problems: string[] = [];
      for (const probe of entry.probes) await runProbe(entry, probe, problems);
      const anonymous = injectOptions(entry, await anonymousRequest(entry));
      const outcome = await send((opts) => t.app.inject(opts), anonymous, entry.anonymous
        ? { refused: false, status: entry.anonymous.status }
        : { refused: true, status: 401 });
      if (outcome) problems.push(`without credentials: ${outcome}`);
      expect(problems).toEqual([]);
    }, 180_000);
  }
});
