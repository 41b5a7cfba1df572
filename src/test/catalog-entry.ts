/** The shape of a route catalogue entry and how one becomes a request; see route-catalog.ts. */
import type { InjectOptions } from 'fastify';
import type { Action, Relation } from '../core/permissions';
import type { CatalogFixtures, Me } from './catalog-fixtures';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRequest {
  /** Path parameters by name: `{ id: 3 }` fills `:id`. */
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean>;
  /** JSON body. */
  body?: unknown;
  /** A body that is not JSON, e.g. a file upload: `multipartFile('file', 'a.csv', text)`. */
  raw?: { payload: string | Buffer; contentType: string };
}

/** A multipart/form-data body with one file field. */
export function multipartFile(field: string, filename: string, content: string | Buffer): NonNullable<RouteRequest['raw']> {
  const boundary = `----lamtheo-catalog-${field}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

type Build<C> = (fx: CatalogFixtures, c: C) => RouteRequest | Promise<RouteRequest>;

/** One case of the matrix: the target unit, where the probing role is granted, and how they relate. */
export interface UnitCase {
  target: number;
  grantUnit: number;
  relation: Relation;
}

export interface UnitProbe {
  kind: 'unit';
  action: Action;
  request: Build<UnitCase>;
  /** A new target unit for every case; default: the shared target `tree.districtA`. */
  freshTarget?: (fx: CatalogFixtures) => Promise<number>;
  /** Relations where authorization passes but the request cannot succeed, with the status it gets. */
  passesAuthButFails?: Partial<Record<Relation, number>>;
}

export interface RoleProbe {
  kind: 'role';
  action: Action;
  request: Build<void>;
}

export interface SignedInProbe {
  kind: 'signed-in';
  status: number;
  request: Build<Me>;
  /** Send with a session made for this request alone (the route ends the session). */
  ownSession?: boolean;
}

export type Probe = UnitProbe | RoleProbe | SignedInProbe;

export interface CatalogEntry {
  method: Method;
  url: string;
  probes: Probe[];
  /** For routes that answer a request without credentials with something other than 401. */
  anonymous?: { status: number; request: Build<void> };
  /** The request the fuzzer mutates; default: the first probe's request as a superuser. */
  fuzz?: Build<Me>;
  /**
   * What the unmutated `fuzz` request gets: by default 401 (sign-in as an unknown user); 'success'
   * for a valid request aimed elsewhere than the first probe's (an action a unit does only for itself).
   */
  fuzzOutcome?: 401 | 'success';
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The path with its parameters filled in (URL-encoded). */
export function fillPath(url: string, params: Record<string, string | number> = {}): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`${url}: no value for :${name}`);
    return encodeURIComponent(String(params[name]));
  });
}

export function injectOptions(entry: Pick<CatalogEntry, 'method' | 'url'>, req: RouteRequest): InjectOptions {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query ?? {})) query.append(k, String(v));
  const qs = query.toString();
  return {
    method: entry.method,
    url: `${fillPath(entry.url, req.params)}${qs ? `?${qs}` : ''}`,
    ...(req.body === undefined ? {} : { payload: req.body as InjectOptions['payload'] }),
    ...(req.raw ? { payload: req.raw.payload, headers: { 'content-type': req.raw.contentType } } : {}),
  };
}
