/**
 * The route catalogue: every `/api/v1` route, what permission it checks and how to build a
 * request that authorization (not validation) decides. The permission matrix test
 * (permission-matrix.test.ts) walks it for every role × relation, the fuzzer (fuzz.test.ts)
 * mutates its requests, and both fail when the app registers a route that is not listed here.
 *
 * ## Adding your routes (a few lines per route)
 * 1. Beside your routes, write `src/modules/X/X.catalog.ts` exporting `const xCatalog: CatalogEntry[]`
 *    (types in `src/test/catalog-entry.ts`; copy the shape of `src/modules/orgs/orgs.catalog.ts`),
 *    one entry per route:
 *    - `method` and `url` exactly as registered (`/api/v1/plans/:id/tasks`).
 *    - `probes`: how the route decides who may call it.
 *      - `unit`: the service calls `access.authorize(db, actor, { action, unitId })` for a unit the
 *        request names. `request(fx, { target })` returns `{ params, query, body }` aimed at unit
 *        `target` with otherwise valid content. Objects the request needs (a plan of that unit, a
 *        report …) are made in the builder through your service as `SYSTEM_CLI`; cache them when
 *        reusable. A route whose success changes the target's place in the tree or consumes it
 *        (move, dissolve, delete, submit once) sets `freshTarget` so each case gets a new unit.
 *        Every other unit the request names must be one the same grant reaches (use
 *        `grantUnit`/`relation` to choose), so that the target's relation alone decides; when no
 *        such choice exists, list the status the request gets instead in `passesAuthButFails`.
 *      - `role`: the route checks an action with `unitId: null` (allowed when the role has the
 *        action anywhere).
 *      - `signed-in`: any signed-in user gets `status` (own profile, own tokens).
 *    - `anonymous`: only when a request without credentials is not answered 401 (login, logout).
 *    - `fuzz`: only when the fuzzer must not start from the first probe's request (login: an
 *      unknown user, so that fuzzing never locks an account). Its unmutated request is expected to
 *      get 401 unless `fuzzOutcome: 'success'` (an action a unit does only for itself, aimed at the
 *      fuzzer's own unit: see `fuzzAtOwnUnit` in plan-fixtures.ts).
 * 2. Add `...xCatalog` to ROUTE_CATALOG below.
 * 3. Run `npx vitest run src/test/permission-matrix.test.ts src/test/fuzz.test.ts`.
 * The test fixtures (catalog-fixtures.ts): `fx.tree` (city → {propaganda, districtA → wardA1 → cellA1,
 * districtB → wardB1}, otherProvince), `fx.today`, `fx.unique(prefix)`, `fx.freshUnit(parent)`,
 * `fx.userAt(unit)`, `fx.grantOf(user, unit)`, `fx.tokenOf(user)`, `fx.codeOf(unit)`,
 * `fx.cached(key, make)` (make once per database), `fx.write(tx => service(tx, SYSTEM_CLI, …))`,
 * `fx.fileStore`. A request is `{ params, query, body }`, or `{ params, query, raw }` for a body
 * that is not JSON (`raw: multipartFile('file', 'a.pdf', bytes)`). Examples of every kind:
 * orgs.catalog.ts (restructurings with fresh targets), users.catalog.ts, documents.catalog.ts
 * (objects made through the service, uploads).
 */
import { auditCatalog } from '../modules/audit/audit.catalog';
import { authCatalog } from '../modules/auth/auth.catalog';
import { documentsCatalog } from '../modules/documents/documents.catalog';
import { newsCatalog } from '../modules/news/news.catalog';
import { orgsCatalog } from '../modules/orgs/orgs.catalog';
import { usersCatalog } from '../modules/users/users.catalog';
import { eventsCatalog } from '../modules/events/events.catalog';
import { plansCatalog } from '../modules/plans/plans.catalog';
import { registrationsCatalog } from '../modules/registrations/registrations.catalog';
import { consolidationCatalog } from '../modules/consolidation/consolidation.catalog';
import { notificationsCatalog } from '../modules/notifications/notifications.catalog';
import { reportFormsCatalog } from '../modules/report-forms/report-forms.catalog';
import { reportSchedulesCatalog } from '../modules/report-schedules/report-schedules.catalog';
import { reportsCatalog } from '../modules/reports/reports.catalog';
import type { CatalogEntry } from './catalog-entry';

export const ROUTE_CATALOG: CatalogEntry[] = [
  ...authCatalog,
  ...orgsCatalog,
  ...usersCatalog,
  ...auditCatalog,
  ...documentsCatalog,
  ...plansCatalog,
  ...registrationsCatalog,
  ...eventsCatalog,
  ...newsCatalog,
  ...reportFormsCatalog,
  ...reportSchedulesCatalog,
  ...reportsCatalog,
  ...consolidationCatalog,
  ...notificationsCatalog,
];

