import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract';
import { requestLang } from '../../http/locale';
import { createFormBody, form, formQuery, formSummary, formVersionQuery, indicatorSourceInfo, publishVersionBody } from './report-forms.contract';
import * as forms from './report-forms.service';

export async function reportFormRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];

  r.get('/api/v1/report-forms', {
    schema: { tags, summary: 'Report forms', querystring: formQuery, response: { 200: z.array(formSummary) } },
  }, async (req) => app.read((db) => forms.listForms(db, req.actor, req.query)));

  r.post('/api/v1/report-forms', {
    schema: { tags, summary: 'Create a report form (version 1)', body: createFormBody, response: { 201: form } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => forms.createForm(db, req.actor, req.body))));

  r.get('/api/v1/report-forms/:id', {
    schema: { tags, summary: 'A form with its current (or a given) version', params: idParams, querystring: formVersionQuery, response: { 200: form } },
  }, async (req) => app.read((db) => forms.getForm(db, req.actor, req.params.id, req.query.version)));

  r.post('/api/v1/report-forms/:id/versions', {
    schema: { tags, summary: 'Publish the next version of a form (409 when another was published meanwhile)', params: idParams, body: publishVersionBody, response: { 201: form } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => forms.publishVersion(db, req.actor, req.params.id, req.body))));

  r.get('/api/v1/indicator-sources', {
    schema: { tags, summary: 'Record sources an indicator can be filled from', response: { 200: z.array(indicatorSourceInfo) } },
  }, async (req) => app.read((db) => forms.listSources(db, req.actor, requestLang(req))));
}
