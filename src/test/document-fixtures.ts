/** Accounts and requests shared by the documents tests: who sits where in the fixture tree. */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app';
import { login, makeUser, type Session } from './fixtures';

export interface DocumentActors {
  /** admin at the city committee */
  admin: Session;
  /** coordinator at the propaganda department (a child of the city, sibling of the districts) */
  propaganda: Session;
  /** leader at district A */
  leaderA: Session;
  /** coordinator at district B */
  coordinatorB: Session;
  /** reporter at district B: reads, never registers */
  reporterB: Session;
  /** viewer at the city */
  viewer: Session;
}

export async function documentActors(t: TestApp): Promise<DocumentActors> {
  await t.handle.db.transaction().execute(async (tx) => {
    await makeUser(tx, 'quantri', t.tree.city, [{ role: 'admin', unitId: t.tree.city }]);
    await makeUser(tx, 'tuyengiao', t.tree.propaganda, [{ role: 'coordinator', unitId: t.tree.propaganda }]);
    await makeUser(tx, 'lanhdaoa', t.tree.districtA, [{ role: 'leader', unitId: t.tree.districtA }]);
    await makeUser(tx, 'dieuphoib', t.tree.districtB, [{ role: 'coordinator', unitId: t.tree.districtB }]);
    await makeUser(tx, 'baocaob', t.tree.districtB, [{ role: 'reporter', unitId: t.tree.districtB }]);
    await makeUser(tx, 'xem', t.tree.city, [{ role: 'viewer', unitId: t.tree.city }]);
  });
  return {
    admin: await login(t.app, 'quantri'),
    propaganda: await login(t.app, 'tuyengiao'),
    leaderA: await login(t.app, 'lanhdaoa'),
    coordinatorB: await login(t.app, 'dieuphoib'),
    reporterB: await login(t.app, 'baocaob'),
    viewer: await login(t.app, 'xem'),
  };
}

/** POST a document and return its id, failing loudly when the registry refuses it. */
export async function registerDocument(session: Session, payload: Record<string, unknown>): Promise<number> {
  const res = await session.inject({ method: 'POST', url: '/api/v1/documents', payload });
  if (res.statusCode !== 201) throw new Error(`register ${JSON.stringify(payload)}: ${res.statusCode} ${res.body}`);
  return res.json().id as number;
}

export async function countRows(t: TestApp, table: 'documents' | 'document_links' | 'document_files' | 'files' | 'audit_log'): Promise<number> {
  const row = await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function errorOf(res: LightMyRequestResponse): { code: string; message: string; details?: any } {
  return res.json().error;
}

/** A minimal valid PDF: file-type recognises it by its "%PDF-" header. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A 1×1 PNG: a real image, refused where only PDF or DOCX is taken. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A multipart body with one file part. */
export function multipart(field: string, filename: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----lamtheo${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
