import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { markReadBody, markReadResponse, notificationList, notificationQuery } from './notifications.contract';
import * as notifications from './notifications.service';

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/v1/notifications', {
    schema: { tags, summary: 'My notifications, newest first, with the unread count', querystring: notificationQuery, response: { 200: notificationList } },
  }, async (req) => app.read((db) => notifications.listMine(db, req.actor, req.query)));

  r.post('/api/v1/notifications/read', {
    schema: { tags, summary: 'Mark some (or all) of my notifications read', body: markReadBody, response: { 200: markReadResponse } },
  }, async (req) => app.write((db) => notifications.markRead(db, req.actor, req.body.ids)));
}
