import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../core/contract';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { sendError } from '../../http/errors';
import { requestLang } from '../../http/locale';
import { createTokenBody, createdToken, tokenView } from '../users/users.contract';
import { changePasswordBody, loginBody, loginResponse, meResponse } from './auth.contract';
import * as auth from './auth.service';
import { z } from 'zod';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: loginBody, response: { 200: loginResponse } },
  }, async (req, reply) => {
    const outcome = await app.write((db) => auth.login(db, app.config, {
      username: req.body.username, password: req.body.password, ip: req.ip, userAgent: req.headers['user-agent'] ?? null,
    }));
    if (!outcome.ok) return sendError(reply, requestLang(req), outcome.status, outcome.code, outcome.text);
    reply.setCookie(SESSION_COOKIE, outcome.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https',
      maxAge: app.config.sessionMaxHours * 3600,
    });
    const me = await app.read((db) => auth.me(db, outcome.actor));
    return { user: { ...me, csrfToken: outcome.csrfToken }, expiresAt: outcome.expiresAt };
  });

  r.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: okResponse } },
  }, async (req, reply) => {
    await app.write((db) => auth.logout(db, req.actor, req.sessionId));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/v1/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user, their grants and CSRF token', response: { 200: meResponse } },
  }, async (req) => ({ ...(await app.read((db) => auth.me(db, req.actor))), csrfToken: req.csrfToken }));

  r.post('/api/v1/me/password', {
    schema: { tags: ['auth'], summary: 'Change my password (other sessions end)', body: changePasswordBody, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => auth.changePassword(db, req.actor, req.sessionId, req.body));
    return { ok: true as const };
  });

  r.get('/api/v1/me/tokens', {
    schema: { tags: ['auth'], summary: 'My API tokens', response: { 200: z.array(tokenView) } },
  }, async (req) => app.read((db) => auth.listOwnTokens(db, req.actor)));

  r.post('/api/v1/me/tokens', {
    schema: { tags: ['auth'], summary: 'Create an API token (shown once)', body: createTokenBody, response: { 201: createdToken } },
  }, async (req, reply) => {
    const created = await app.write((db) => auth.createToken(db, req.actor, req.body));
    return reply.code(201).send(created);
  });

  r.delete('/api/v1/tokens/:id', {
    schema: { tags: ['auth'], summary: 'Revoke an API token (own, or as admin of its owner)', params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => auth.revokeToken(db, req.actor, req.params.id));
    return { ok: true as const };
  });
}
