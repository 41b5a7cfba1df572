import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponse } from '../../core/contract';
import { readFileParts, sendStoredFile, writeWithFiles } from '../../http/uploads';
import { EVENT_FILE_FIELD, createEventBody, eventFileParams, eventList, eventParams, eventView, listEventsQuery, updateEventBody } from './events.contract';
import * as events from './events.service';

export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];

  r.get('/api/v1/events', {
    schema: { tags, summary: 'Milestone events (conferences, reviews, anniversaries) I may see', querystring: listEventsQuery, response: { 200: eventList } },
  }, async (req) => app.read((db) => events.listEvents(db, req.actor, req.query)));

  r.post('/api/v1/events', {
    schema: { tags, summary: 'Record an event', body: createEventBody, response: { 201: eventView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => events.createEvent(db, req.actor, req.body))));

  r.get('/api/v1/events/:id', {
    schema: { tags, summary: 'One event', params: eventParams, response: { 200: eventView } },
  }, async (req) => app.read((db) => events.getEvent(db, req.actor, req.params.id)));

  r.put('/api/v1/events/:id', {
    schema: { tags, summary: 'Edit an event', params: eventParams, body: updateEventBody, response: { 200: eventView } },
  }, async (req) => app.write((db) => events.updateEvent(db, req.actor, req.params.id, req.body)));

  r.delete('/api/v1/events/:id', {
    schema: { tags, summary: 'Delete an event', params: eventParams, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => events.deleteEvent(db, req.actor, req.params.id));
    return { ok: true as const };
  });

  r.post('/api/v1/events/:id/files', {
    schema: {
      tags, summary: `Attach files (multipart, field "${EVENT_FILE_FIELD}"; PDF, DOCX, XLSX, JPG, PNG)`,
      params: eventParams, consumes: ['multipart/form-data'], response: { 201: eventView },
    },
  }, async (req, reply) => {
    const parts = await readFileParts(req, EVENT_FILE_FIELD);
    return reply.code(201).send(await writeWithFiles(app, (store, db) => events.attachFiles(db, store, req.actor, req.params.id, parts)));
  });

  r.get('/api/v1/events/:id/files/:fileId', {
    schema: { tags, summary: 'Download an attached file', params: eventFileParams },
  }, async (req, reply) => sendStoredFile(reply, await app.read((db) => events.readFile(db, app.fileStore, req.actor, req.params.id, req.params.fileId))));
}
