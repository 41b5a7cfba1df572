/**
 * The HTTP application: JSON API under /api/v1 (OpenAPI at /api/openapi.json, docs at
 * /api/docs), the web app under /app/, and public pages. Routes are registered per module.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { DbHandle } from './db/connection';
import { installAuthHook } from './http/auth-hook';
import { handleFrameworkError, installErrorHandler, sendError } from './http/errors';
import './http/fastify-types';
import { requestLang } from './http/locale';
import { registerModuleRoutes } from './http/module-routes';
import { registerWebApp } from './http/web-app';
import { zodValidatorCompiler } from './http/validation';
import { createFileStore } from './modules/files/file-store';
import { isPortalRequest, sendPortalNotFound } from './portal/portal.routes';
import path from 'node:path';

export interface AppOptions {
  handle: DbHandle;
  config: Config;
  /** Fastify logger; off in tests. */
  logger?: boolean | object;
  /** Told about every route as it is registered (the permission matrix test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp({ handle, config, logger = false, onRoute }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: handleFrameworkError,
  });
  if (onRoute) app.addHook('onRoute', onRoute);
  app.decorate('db', handle);
  app.decorate('config', config);
  app.decorate('fileStore', createFileStore(path.join(config.dataDir, 'files')));
  app.decorate('read', <T>(work: (db: typeof handle.db) => Promise<T>) => work(handle.db));
  app.decorate('write', <T>(work: Parameters<FastifyInstance['write']>[0]) => handle.db.transaction().execute(work) as Promise<T>);

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10, fields: 50 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'lamtheo API',
        version: '1',
        description: 'Plans cascade down, reports roll up. Sign in with POST /api/v1/auth/login (cookie + X-CSRF-Token) or send `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lamtheo_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuthHook(app);

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok', db: handle.dialect }));
  await registerModuleRoutes(app);
  await registerWebApp(app, config);

  app.setNotFoundHandler((req, reply) => {
    if (isPortalRequest(req)) return sendPortalNotFound(app, req, reply);
    const lang = requestLang(req);
    return sendError(reply, lang, 404, 'not_found', { vi: `Không có đường dẫn ${req.method} ${req.url.split('?')[0]}`, en: `No route ${req.method} ${req.url.split('?')[0]}` });
  });
  return app;
}
