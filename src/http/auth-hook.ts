/**
 * Who is calling: a bearer API token, or the session cookie. For cookie sessions, every
 * state-changing request must echo the session's CSRF token in `X-CSRF-Token`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as auth from '../modules/auth/auth.service';
import { requestLang } from './locale';
import { sendError } from './errors';

export const SESSION_COOKIE = 'lamtheo_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Requests that create a session rather than use one. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

export function installAuthHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const db = app.db.db;
    const lang = requestLang(req);
    const token = bearer(req);
    if (token) {
      const actor = await auth.actorFromApiToken(db, token, req.ip);
      if (!actor) {
        return sendError(reply, lang, 401, 'invalid_token', { vi: 'Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi', en: 'The API token is invalid, expired or revoked' });
      }
      req.actor = actor;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await auth.actorFromSession(db, app.config, cookie, req.ip);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.actor = session.actor;
    req.sessionId = session.sessionId;
    req.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(req.routeOptions.url ?? '')) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        return sendError(reply, lang, 403, 'csrf_failed', {
          vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang', en: 'Missing or wrong anti-forgery token (X-CSRF-Token); reload the page',
        });
      }
    }
  });
}
