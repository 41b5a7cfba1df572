import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract';
import { requestLang } from '../../http/locale';
import {
  createFormBody, form, formQuery, formSummary, formVersionQuery, indicatorRef, indicatorRefsQuery, indicatorSourceInfo, publishVersionBody,
  taskIndicatorParams, taskIndicatorsBody,
} from './report-forms.contract';
import * as indicators from './report-forms.indicators';
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

  r.get('/api/v1/indicator-refs', {
    schema: { tags, summary: 'Report indicators by id (as plans point at them)', querystring: indicatorRefsQuery, response: { 200: z.array(indicatorRef) } },
  }, async (req) => app.read((db) => indicators.indicatorRefs(db, req.actor, req.query.ids)));

  r.put('/api/v1/plans/:id/tasks/:taskId/indicators', {
    schema: { tags, summary: "Which report indicators measure a plan's task (replaces its links)", params: taskIndicatorParams, body: taskIndicatorsBody, response: { 200: z.array(indicatorRef) } },
  }, async (req) => app.write((db) => indicators.linkTaskIndicators(db, req.actor, req.params.id, req.params.taskId, req.body.indicators)));

  r.get('/api/v1/indicator-sources', {
    schema: { tags, summary: 'Record sources an indicator can be filled from', response: { 200: z.array(indicatorSourceInfo) } },
  }, async (req) => app.read((db) => forms.listSources(db, req.actor, requestLang(req))));
}
