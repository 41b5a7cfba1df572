/**
 * Serves the built React app under /app/ with a fallback to index.html for client-side
 * routes. When the app was not built (API-only use, some tests), /app/ explains how to build it.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

export async function registerWebApp(app: FastifyInstance, config: Config): Promise<void> {
  const index = path.join(config.webDist, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/app/',
      index: false,
      wildcard: true,
      maxAge: 0,
      setHeaders(res, file) {
        // Hashed asset names never change content: cache them for a year.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    if (!built) {
      return reply.code(503).type('text/plain; charset=utf-8')
        .send('Giao diện web chưa được build. Chạy: npm run build\nThe web app is not built. Run: npm run build\n');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.readFileSync(index));
  };
  app.get('/app', (_req, reply) => reply.redirect('/app/'));
  app.get('/app/', sendIndex);
  // Client-side routes (/app/orgs, /app/users/3 …) all load the same page.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.url.startsWith('/app/')) return;
    const pathname = req.url.split('?')[0];
    if (path.extname(pathname) !== '') return;
    if (pathname === '/app/') return;
    return sendIndex(req, reply);
  });
}
