/**
 * Hostile inputs for the API fuzzer (fast-check arbitraries) and how a mutation turns a valid
 * catalogue request into the request actually sent: wrong types, missing and extra fields,
 * huge and empty strings, unicode, deep nesting, numbers out of range, `__proto__` and
 * `constructor` keys, malformed JSON, wrong content types, bad query strings and path params.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { CatalogEntry, RouteRequest } from './catalog-entry';

const SPECIAL_STRINGS = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800', '🇻🇳', 'Đảng ủy phường Vạn Hương', 'e\u0301', '\u202Etxt', '\uFEFF',
  '<script>alert(1)</script>', "' OR 1=1 --", '"; drop table users; --', '../../etc/passwd', '%00', '%', '%zz', '\\',
  '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity', '-Infinity', '-1', '0', '-0', '1.5', '1e309', '0x10', '1e3',
  '2147483648', '-2147483649', '9007199254740993', 'null', 'undefined', 'true', '[]', '{}', '2021-02-30', '0000-00-00',
  '2021-13-01', '99999-01-01', 'party', 'state', 'admin', 'vi', 'en',
];

const hugeString = fc.oneof(
  fc.integer({ min: 201, max: 5_000 }).map((n) => 'ả'.repeat(n)),
  fc.integer({ min: 50_000, max: 400_000 }).map((n) => 'x'.repeat(n)),
);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** `{"a":{"a":…}}` or `[[…]]`, deep enough to trip recursive code, shallow enough for JSON.stringify. */
const deepValue = fc.tuple(fc.integer({ min: 20, max: 1_500 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
);

const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', '$where', 'isAdmin', 'role', 'id', 'actor', 'polluted', ''),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const pollution = fc.constantFrom({ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, { isAdmin: true });

const MALFORMED_JSON = [
  '{', '}', '{"a":', '[1,2', 'nul', 'undefined', "{'a':1}", '{"a":1,}', '{"a":1}garbage', '\uFEFF{}', '', ' ', '1e400', '-',
  '"\\ud800"', '{"a":"\\u0000"}', '{"a":NaN}', '{"a":Infinity}', '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}', '{"a":1,"a":2}', '[]', 'null', 'true', '"text"', '12',
  // broken multipart bodies (sent with a multipart content type when that is the one drawn)
  '------x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', '------x--\r\n',
  '------x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncode,name\r\n------x--\r\n',
];

/** Larger than the 2 MiB body limit. */
const OVERSIZED_BODY = JSON.stringify({ name: 'x'.repeat(2_200_000) });

const rawText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MALFORMED_JSON) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 50_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 50_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)) },
  { weight: 1, arbitrary: fc.constant(OVERSIZED_BODY) },
);

const contentType = fc.constantFrom(
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x', 'multipart/form-data', 'application/xml',
  'application/octet-stream', 'application/vnd.api+json', 'application/json, text/plain', ';;;', null,
);

/** A path parameter that cannot name an existing object (small positive ids are left out: they might). */
const paramValue = fc.oneof(
  nastyString,
  nastyNumber.map(String),
  fc.constantFrom('2147483647', '999999999', '00000000000000000000001000000000'),
).filter((v) => {
  const n = Number(v);
  return !(Number.isInteger(n) && n > 0 && n < 1e7);
});

export type Mutation =
  | { kind: 'body'; value: unknown }
  | { kind: 'field'; path: number; value: unknown }
  | { kind: 'drop'; path: number }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'raw'; contentType: string | null; text: string }
  | { kind: 'query'; key: string | null; values: string[] }
  | { kind: 'rawQuery'; text: string }
  | { kind: 'param'; index: number; value: string; encode: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('body' as const), value: nastyValue }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('field' as const), path: fc.nat(), value: nastyValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), path: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: nastyKey, value: fc.oneof(nastyValue, pollution) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), contentType, text: rawText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('query' as const), key: fc.option(nastyKey), values: fc.array(nastyString, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rawQuery' as const), text: fc.constantFrom('a[b]=1', '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '%zz=1', '=', '&&&', 'a=%E0%A4%A', 'lang=xx', '?'.repeat(50)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('param' as const), index: fc.nat(), value: paramValue, encode: fc.boolean() }) },
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** Paths of the leaves and branches of a JSON value: `[['parts'], ['parts', 0], ['parts', 0, 'code'] …]`. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const out: Array<Array<string | number>> = [];
  for (const [k, v] of Object.entries(value)) {
    const key = Array.isArray(value) ? Number(k) : k;
    out.push([...prefix, key], ...pathsOf(v, [...prefix, key]));
  }
  return out;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown, remove: boolean) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
}

/** encodeURIComponent, but also for lone surrogates (sent as the UTF-8 of U+FFFD, as a browser would). */
function percentEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

/** The request sent: the catalogue's valid request with the mutations applied. */
export function mutatedRequest(entry: Pick<CatalogEntry, 'method' | 'url'>, base: RouteRequest, list: Mutation[]): InjectOptions {
  const paramNames = [...entry.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
  const params = new Map<string, string>(paramNames.map((n) => [n, encodeURIComponent(String(base.params?.[n]))]));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(base.query ?? {})) query.append(k, String(v));
  let rawQuery = '';
  let body: unknown = base.body === undefined ? undefined : structuredClone(base.body);
  let raw: { contentType: string | null; text: string | Buffer } | null = base.raw ? { contentType: base.raw.contentType, text: base.raw.payload } : null;

  for (const m of list) {
    switch (m.kind) {
      case 'body': body = m.value; raw = null; break;
      case 'field':
      case 'drop': {
        const paths = pathsOf(body);
        if (paths.length) setAt(body, paths[m.path % paths.length], m.kind === 'field' ? m.value : undefined, m.kind === 'drop');
        break;
      }
      case 'extra': {
        // Spliced into the JSON text so that `__proto__` arrives as an own key, as an attacker sends it.
        const text: string = typeof raw?.text === 'string' ? raw.text : JSON.stringify(body ?? {});
        const extra = `${JSON.stringify(m.key)}:${JSON.stringify(m.value ?? null)}`;
        const spliced: string = /^\{\s*\}$/.test(text) ? `{${extra}}` : text.startsWith('{') ? `{${extra},${text.slice(1)}` : text;
        raw = { contentType: 'application/json', text: spliced };
        break;
      }
      case 'raw': raw = { contentType: m.contentType, text: m.text }; break;
      case 'query': {
        const key = m.key ?? [...query.keys()][0] ?? 'q';
        query.delete(key);
        for (const v of m.values) query.append(key, v);
        break;
      }
      case 'rawQuery': rawQuery = m.text; break;
      case 'param':
        if (paramNames.length) params.set(paramNames[m.index % paramNames.length], m.encode ? percentEncode(m.value) : m.value);
        break;
    }
  }

  const path = entry.url.replace(/:([A-Za-z0-9_]+)/g, (_s, name: string) => params.get(name) ?? '');
  const qs = [query.toString(), rawQuery].filter(Boolean).join('&');
  const url = qs ? `${path}?${qs}` : path;
  if (raw) {
    return { method: entry.method, url, payload: raw.text, headers: raw.contentType === null ? {} : { 'content-type': raw.contentType } };
  }
  if (body === undefined) return { method: entry.method, url };
  return { method: entry.method, url, payload: JSON.stringify(body) ?? 'null', headers: { 'content-type': 'application/json' } };
}
