import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponse } from '../../core/contract';
import { readFileParts, sendStoredFile, writeWithFiles } from '../../http/uploads';
import {
  REGISTRATION_FILE_FIELD, createRegistrationBody, entryFileDownloadParams, entryFileParams, listRegistrationsQuery,
  optionalCommentBody, registrationList, registrationParams, registrationProgressBody, registrationView, requiredCommentBody,
  resolutionBody, updateRegistrationBody,
} from './registrations.contract';
import * as registrations from './registrations.service';

export async function registrationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registrations'];
  const one = { params: registrationParams, response: { 200: registrationView } };

  r.get('/api/v1/registrations', {
    schema: { tags, summary: 'Registered focus issues of a subtree: pending approval, in progress, overdue, resolved …', querystring: listRegistrationsQuery, response: { 200: registrationList } },
  }, async (req) => app.read((db) => registrations.listRegistrations(db, req.actor, req.query)));

  r.post('/api/v1/registrations', {
    schema: { tags, summary: 'Register a focus issue (draft)', body: createRegistrationBody, response: { 201: registrationView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => registrations.createRegistration(db, req.actor, req.body))));

  r.get('/api/v1/registrations/:id', {
    schema: { tags, summary: 'One registration with its history', ...one },
  }, async (req) => app.read((db) => registrations.getRegistration(db, req.actor, req.params.id)));

  r.put('/api/v1/registrations/:id', {
    schema: { tags, summary: 'Edit a draft or returned registration', body: updateRegistrationBody, ...one },
  }, async (req) => app.write((db) => registrations.updateRegistration(db, req.actor, req.params.id, req.body)));

  r.delete('/api/v1/registrations/:id', {
    schema: { tags, summary: 'Delete a draft registration', params: registrationParams, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => registrations.deleteRegistration(db, req.actor, req.params.id));
    return { ok: true as const };
  });

  r.post('/api/v1/registrations/:id/submit', {
    schema: { tags, summary: 'Send it to the body for approval', ...one },
  }, async (req) => app.write((db) => registrations.submit(db, req.actor, req.params.id)));

  r.post('/api/v1/registrations/:id/approve', {
    schema: { tags, summary: 'Approve (the body)', body: optionalCommentBody, ...one },
  }, async (req) => app.write((db) => registrations.approve(db, req.actor, req.params.id, req.body.comment)));

  r.post('/api/v1/registrations/:id/return', {
    schema: { tags, summary: 'Return for revision with a comment (the body)', body: requiredCommentBody, ...one },
  }, async (req) => app.write((db) => registrations.returnForRevision(db, req.actor, req.params.id, req.body.comment)));

  r.post('/api/v1/registrations/:id/progress', {
    schema: { tags, summary: 'Post progress (the registering unit)', body: registrationProgressBody, ...one },
  }, async (req) => app.write((db) => registrations.postProgress(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/registrations/:id/resolution', {
    schema: { tags, summary: 'Report it resolved, for the body to confirm', body: resolutionBody, ...one },
  }, async (req) => app.write((db) => registrations.submitResolution(db, req.actor, req.params.id, req.body.narrative)));

  r.post('/api/v1/registrations/:id/confirm', {
    schema: { tags, summary: 'Confirm it resolved (the body)', body: optionalCommentBody, ...one },
  }, async (req) => app.write((db) => registrations.confirmResolved(db, req.actor, req.params.id, req.body.comment)));

  r.post('/api/v1/registrations/:id/reopen', {
    schema: { tags, summary: 'Not resolved yet: back to in progress with a comment (the body)', body: requiredCommentBody, ...one },
  }, async (req) => app.write((db) => registrations.reopen(db, req.actor, req.params.id, req.body.comment)));

  r.post('/api/v1/registrations/:id/entries/:entryId/files', {
    schema: {
      tags, summary: `Attach evidence to a progress or resolution entry (multipart, field "${REGISTRATION_FILE_FIELD}")`,
      params: entryFileParams, consumes: ['multipart/form-data'], response: { 201: registrationView },
    },
  }, async (req, reply) => {
    const parts = await readFileParts(req, REGISTRATION_FILE_FIELD);
    const view = await writeWithFiles(app, (store, db) => registrations.attachEvidence(db, store, req.actor, req.params.id, req.params.entryId, parts));
    return reply.code(201).send(view);
  });

  r.get('/api/v1/registrations/:id/entries/:entryId/files/:fileId', {
    schema: { tags, summary: 'Download an evidence file', params: entryFileDownloadParams },
  }, async (req, reply) => {
    const file = await app.read((db) => registrations.readEvidence(db, app.fileStore, req.actor, req.params.id, req.params.entryId, req.params.fileId));
    return sendStoredFile(reply, file);
  });
}
