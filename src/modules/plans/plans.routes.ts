import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../core/contract';
import { readFileParts, sendStoredFile, writeWithFiles } from '../../http/uploads';
import { coverageView } from './plan-cascade.contract';
import * as cascade from './plan-cascade.service';
import { exportPlanDocx } from './plan-export.service';
import * as lifecycle from './plan-lifecycle.service';
import * as progress from './plan-progress.service';
import {
  closeBody, compareQuery, exportQuery, concretizeBody, createPlanBody, issueAmendmentBody, issueBody, listPlansQuery, planComparison,
  planContentBody, planList, planParams, planVersionSummary, planView, progressBody, progressFileParams, progressParams,
  progressView, taskParams, versionParams, PROGRESS_FILE_FIELD,
} from './plans.contract';
import * as plans from './plans.service';

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  r.get('/api/v1/plans', {
    schema: { tags, summary: 'Plans I may see (issued along my line, drafts of my units)', querystring: listPlansQuery, response: { 200: planList } },
  }, async (req) => app.read((db) => plans.listPlans(db, req.actor, req.query)));

  r.post('/api/v1/plans', {
    schema: { tags, summary: 'Draft a plan', body: createPlanBody, response: { 201: planView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => plans.createPlan(db, req.actor, req.body))));

  r.get('/api/v1/plans/:id', {
    schema: { tags, summary: 'One plan: the issued version, or the working copy for its own unit', params: planParams, response: { 200: planView } },
  }, async (req) => app.read((db) => plans.getPlan(db, req.actor, req.params.id)));

  r.put('/api/v1/plans/:id', {
    schema: { tags, summary: 'Replace the content of a draft or of an open amendment', params: planParams, body: planContentBody, response: { 200: planView } },
  }, async (req) => app.write((db) => plans.updatePlan(db, req.actor, req.params.id, req.body)));

  r.delete('/api/v1/plans/:id', {
    schema: { tags, summary: 'Delete a draft that was never issued', params: planParams, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => plans.deletePlan(db, req.actor, req.params.id));
    return { ok: true as const };
  });

  r.post('/api/v1/plans/:id/issue', {
    schema: { tags, summary: 'Issue a draft: number, date; creates its registry document and version 1', params: planParams, body: issueBody, response: { 200: planView } },
  }, async (req) => app.write((db) => lifecycle.issuePlan(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/plans/:id/amendment', {
    schema: { tags, summary: 'Open an amendment (sửa đổi, bổ sung) of an issued plan', params: planParams, response: { 200: planView } },
  }, async (req) => app.write((db) => lifecycle.openAmendment(db, req.actor, req.params.id)));

  r.delete('/api/v1/plans/:id/amendment', {
    schema: { tags, summary: 'Discard the open amendment', params: planParams, response: { 200: planView } },
  }, async (req) => app.write((db) => lifecycle.discardAmendment(db, req.actor, req.params.id)));

  r.post('/api/v1/plans/:id/amendment/issue', {
    schema: { tags, summary: 'Issue the open amendment as the next version', params: planParams, body: issueAmendmentBody, response: { 200: planView } },
  }, async (req) => app.write((db) => lifecycle.issueAmendment(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/plans/:id/close', {
    schema: { tags, summary: 'Close an issued plan', params: planParams, body: closeBody, response: { 200: planView } },
  }, async (req) => app.write((db) => lifecycle.closePlan(db, req.actor, req.params.id, req.body)));

  r.get('/api/v1/plans/:id/export.docx', {
    schema: {
      tags, summary: 'The plan as DOCX in the Party format (the issued version, a given version, or my own draft)',
      params: planParams, querystring: exportQuery, produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    },
  }, async (req, reply) => {
    const file = await app.read((db) => exportPlanDocx(db, req.actor, req.params.id, req.query.version));
    return sendStoredFile(reply, {
      bytes: file.bytes, name: file.fileName, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  r.get('/api/v1/plans/:id/versions', {
    schema: { tags, summary: 'Issued versions of a plan', params: planParams, response: { 200: z.array(planVersionSummary) } },
  }, async (req) => app.read((db) => lifecycle.listVersions(db, req.actor, req.params.id)));

  r.get('/api/v1/plans/:id/versions/:version', {
    schema: { tags, summary: 'The content of one issued version', params: versionParams, response: { 200: planView } },
  }, async (req) => app.read((db) => lifecycle.getVersion(db, req.actor, req.params.id, req.params.version)));

  r.get('/api/v1/plans/:id/compare', {
    schema: { tags, summary: 'What changed between two versions', params: planParams, querystring: compareQuery, response: { 200: planComparison } },
  }, async (req) => app.read((db) => lifecycle.compareVersions(db, req.actor, req.params.id, req.query.from, req.query.to)));

  r.post('/api/v1/plans/:id/concretize', {
    schema: { tags, summary: "Create my unit's plan from this one (its tasks as a starting point)", params: planParams, body: concretizeBody, response: { 201: planView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => cascade.concretize(db, req.actor, req.params.id, req.body))));

  r.get('/api/v1/plans/:id/coverage', {
    schema: { tags, summary: 'Required units × tasks: child plans issued (overdue flagged), tasks covered, progress, at every level', params: planParams, response: { 200: coverageView } },
  }, async (req) => app.read((db) => cascade.coverage(db, req.actor, req.params.id)));

  r.get('/api/v1/plans/:id/tasks/:taskId/progress', {
    schema: { tags, summary: 'Progress updates of a task, newest first', params: taskParams, response: { 200: z.array(progressView) } },
  }, async (req) => app.read((db) => progress.listProgress(db, req.actor, req.params.id, req.params.taskId)));

  r.post('/api/v1/plans/:id/tasks/:taskId/progress', {
    schema: { tags, summary: 'Post progress on a task (its lead unit)', params: taskParams, body: progressBody, response: { 201: progressView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => progress.postProgress(db, req.actor, req.params.id, req.params.taskId, req.body))));

  r.post('/api/v1/plans/:id/progress/:progressId/files', {
    schema: {
      tags, summary: `Attach evidence files to a progress update (multipart, field "${PROGRESS_FILE_FIELD}"; PDF, DOCX, XLSX, JPG, PNG)`,
      params: progressParams, consumes: ['multipart/form-data'], response: { 201: progressView },
    },
  }, async (req, reply) => {
    const parts = await readFileParts(req, PROGRESS_FILE_FIELD);
    const view = await writeWithFiles(app, (store, db) => progress.attachEvidence(db, store, req.actor, req.params.id, req.params.progressId, parts));
    return reply.code(201).send(view);
  });

  r.get('/api/v1/plans/:id/progress/:progressId/files/:fileId', {
    schema: { tags, summary: 'Download an evidence file', params: progressFileParams },
  }, async (req, reply) => {
    const file = await app.read((db) => progress.readEvidence(db, app.fileStore, req.actor, req.params.id, req.params.progressId, req.params.fileId));
    return sendStoredFile(reply, file);
  });
}
