/**
 * Fuzzing every catalogued route with hostile input (fuzz-inputs.ts), sent by a user who holds
 * every role at both roots, so validation — not permission — is what answers. For every
 * request: never a 5xx; every 4xx has the error shape with a message; a refused request (4xx)
 * and any GET writes nothing (row counts and checksums of every table unchanged; only security
 * audit entries appended); nothing pollutes Object.prototype. The audit chain stays intact.
 *
 * FUZZ_RUNS sets the number of requests per route (default 60); FUZZ_SEED replays a failure.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, SYSTEM_CLI, type UserActor } from '../core/actor';
import * as audit from '../modules/audit/audit.service';
import * as auth from '../modules/auth/auth.service';
import * as users from '../modules/users/users.service';
import { startTestApp, type TestApp } from './app';
import { injectOptions, type CatalogEntry, type RouteRequest } from './catalog-entry';
import { catalogFixtures, type CatalogFixtures, type Me } from './catalog-fixtures';
import { testDatabases } from './databases';
import { snapshot, unexpectedWrites, type Snapshot } from './db-snapshot';
import { makeUser } from './fixtures';
import { mutatedRequest, mutations } from './fuzz-inputs';
import { ROUTE_CATALOG } from './route-catalog';

const databases = await testDatabases();
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

function assertErrorShape(res: LightMyRequestResponse, sent: InjectOptions) {
  const where = `${sent.method} ${String(sent.url).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  if (res.statusCode < 400) return;
  expect(String(res.headers['content-type']), where).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code === 'string' && body.error.code.length > 0, `error.code: ${where}`).toBe(true);
  expect(typeof body.error?.message === 'string' && body.error.message.trim().length > 0, `error.message: ${where}`).toBe(true);
}

function assertPrototypeClean() {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted, 'Object.prototype was polluted').toBeUndefined();
  expect(probe.isAdmin, 'Object.prototype was polluted').toBeUndefined();
}

describe.each(databases)('fuzzing every route on $name', (database) => {
  let t: TestApp;
  let fx: CatalogFixtures;
  let me: Me;
  let bearer: string;
  let state: Snapshot;
  const tally = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    fx = catalogFixtures(t.handle.db, t.tree, t.app.fileStore);
    const db = t.handle.db;
    const username = 'kiem-thu-tong-hop';
    const userId = await db.transaction().execute(async (tx) => {
      const id = await makeUser(tx, username, t.tree.city);
      for (const unitId of [t.tree.city, t.tree.otherProvince]) {
        for (const role of ROLES) await users.addGrant(tx, SYSTEM_CLI, id, { role, unitId, hierarchy: 'party' });
      }
      return id;
    });
    me = { userId, username, unitId: t.tree.city };
    const actor: UserActor = { kind: 'user', userId, username, displayName: username, unitId: t.tree.city, grants: [], via: 'session' };
    // A bearer token rather than a session: fuzzed password changes and sign-outs cannot end it.
    bearer = (await db.transaction().execute((tx) => auth.createToken(tx, actor, { name: 'fuzzer' }))).token;
  });
  afterAll(async () => {
    if (tally.size) {
      const lines = [...tally].map(([route, counts]) => `  ${route}: ${[...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
      console.log(`fuzz statuses on ${database.name}:\n${lines.join('\n')}`);
    }
    await t?.close();
  });

  async function baseRequest(entry: CatalogEntry): Promise<RouteRequest> {
    if (entry.fuzz) return entry.fuzz(fx, me);
    const probe = entry.probes[0];
    if (probe.kind === 'unit') {
      const target = probe.freshTarget ? await probe.freshTarget(fx) : t.tree.districtA;
      return probe.request(fx, { target, grantUnit: t.tree.city, relation: 'descendant' });
    }
    if (probe.kind === 'role') return probe.request(fx);
    return probe.request(fx, me);
  }

  async function sendAndCheck(entry: CatalogEntry, sent: InjectOptions) {
    const res = await t.app.inject({ ...sent, headers: { ...(sent.headers ?? {}), authorization: `Bearer ${bearer}` } });
    const counts = tally.get(`${entry.method} ${entry.url}`) ?? new Map<number, number>();
    counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
    tally.set(`${entry.method} ${entry.url}`, counts);
    assertErrorShape(res, sent);
    assertPrototypeClean();
    const { after, problems } = await unexpectedWrites(t.handle.db, state);
    if (res.statusCode >= 400 || entry.method === 'GET') {
      expect(problems, `${sent.method} ${String(sent.url).slice(0, 200)} → ${res.statusCode} wrote`).toEqual([]);
    }
    state = after;
  }

  it.skipIf(database.skip)('the unmutated requests are valid (so mutations start from something that works)', async () => {
    state = await snapshot(t.handle.db);
    const failures: string[] = [];
    for (const entry of ROUTE_CATALOG) {
      if (entry.method === 'GET') continue;
      const sent = injectOptions(entry, await baseRequest(entry));
      const res = await t.app.inject({ ...sent, headers: { ...(sent.headers ?? {}), authorization: `Bearer ${bearer}` } });
      // Login starts from an unknown user on purpose (fuzzing a real account would lock it).
      const expected = entry.fuzz && entry.fuzzOutcome !== 'success' ? 401 : undefined;
      if (expected ? res.statusCode !== expected : res.statusCode >= 300) failures.push(`${entry.method} ${entry.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  for (const entry of ROUTE_CATALOG) {
    it.skipIf(database.skip)(`${entry.method} ${entry.url}`, async () => {
      const base = await baseRequest(entry);
      state = await snapshot(t.handle.db);
      await fc.assert(
        fc.asyncProperty(mutations, async (list) => sendAndCheck(entry, mutatedRequest(entry, base, list))),
        { numRuns: RUNS, seed: SEED },
      );
    }, 300_000);
  }

  it.skipIf(database.skip)('leaves the audit chain intact', async () => {
    const result = await audit.verify(t.handle.db);
    expect(result.firstBad).toBeNull();
    expect(result.ok).toBe(true);
  });
});
