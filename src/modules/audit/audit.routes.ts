import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, auditQuery, verifyResponse } from './audit.contract';
import * as audit from './audit.service';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit', {
    schema: { tags: ['audit'], summary: 'Audit trail of a subtree, newest first', querystring: auditQuery, response: { 200: z.array(auditEntry) } },
  }, async (req) => app.read((db) => audit.list(db, req.actor, req.query)));

  r.get('/api/v1/audit/verify', {
    schema: { tags: ['audit'], summary: 'Recompute the hash chain; names the first bad entry', response: { 200: verifyResponse } },
  }, async (req) => app.read((db) => audit.verifyAsUser(db, req.actor)));
}
