import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okResponse } from '../../core/contract';
import {
  createGrantBody, createUserBody, grant, grantParams, listUsersQuery, resetPasswordBody, setActiveBody, updateUserBody, user,
} from './users.contract';
import * as users from './users.service';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get('/api/v1/users', {
    schema: { tags, summary: 'Users in the units I may see', querystring: listUsersQuery, response: { 200: z.array(user) } },
  }, async (req) => app.read((db) => users.listUsers(db, req.actor, req.query)));

  r.post('/api/v1/users', {
    schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: user } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => users.createUser(db, req.actor, req.body))));

  r.get('/api/v1/users/:id', {
    schema: { tags, summary: 'One user with grants', params: idParams, response: { 200: user } },
  }, async (req) => app.read((db) => users.getUser(db, req.actor, req.params.id)));

  r.patch('/api/v1/users/:id', {
    schema: { tags, summary: 'Edit a user', params: idParams, body: updateUserBody, response: { 200: user } },
  }, async (req) => app.write((db) => users.updateUser(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/users/:id/active', {
    schema: { tags, summary: 'Enable or disable a user (disabling ends their sessions)', params: idParams, body: setActiveBody, response: { 200: user } },
  }, async (req) => app.write((db) => users.setActive(db, req.actor, req.params.id, req.body.active)));

  r.post('/api/v1/users/:id/password', {
    schema: { tags, summary: "Set a user's password (ends their sessions)", params: idParams, body: resetPasswordBody, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => users.resetPassword(db, req.actor, req.params.id, req.body.password));
    return { ok: true as const };
  });

  r.post('/api/v1/users/:id/grants', {
    schema: { tags, summary: 'Grant a role at a unit (covers its subtree)', params: idParams, body: createGrantBody, response: { 201: grant } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => users.addGrant(db, req.actor, req.params.id, req.body))));

  r.delete('/api/v1/users/:id/grants/:grantId', {
    schema: { tags, summary: 'Revoke a grant', params: grantParams, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => users.removeGrant(db, req.actor, req.params.id, req.params.grantId));
    return { ok: true as const };
  });
}
