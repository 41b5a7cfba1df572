import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okResponse } from '../../core/contract';
import { UnauthorizedError, invalidField } from '../../core/errors';
import { requestLang } from '../../http/locale';
import {
  acceptBody, compiledNarrative, diffQuery, flag, highlightBody, highlightParams, inboxQuery, openReportBody, report, reportDiff,
  reportListQuery, reportSummary, reportVersion, returnBody, saveDraftBody, submitBody, versionParams, versionQuery,
} from './reports.contract';
import { flagsOfReport } from './reports.flags';
import { getCompiled } from './reports.narrative';
import * as review from './reports.review';
import * as reports from './reports.service';
import * as view from './reports.view';
import { XLSX_TYPE, exportReportXlsx, importReportXlsx } from './reports.xlsx';

async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw invalidField('file', 'hãy gửi tệp trong trường "file" (multipart/form-data)', 'send the file in the "file" field (multipart/form-data)');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw invalidField('file', 'thiếu tệp trong trường "file"', 'the "file" field is missing');
  return part.toBuffer();
}

const changed = z.object({ id: z.number().int(), status: z.string(), version: z.number().int() });

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];

  r.get('/api/v1/reports', {
    schema: { tags, summary: 'Reports I may see (a unit sees its drafts; superiors see what was submitted)', querystring: reportListQuery, response: { 200: z.array(reportSummary) } },
  }, async (req) => app.read((db) => reports.listReports(db, req.actor, req.query, requestLang(req))));

  r.post('/api/v1/reports', {
    schema: { tags, summary: "Open a unit's report for a period (returns the existing one when there is one)", body: openReportBody, response: { 200: report, 201: report } },
  }, async (req, reply) => {
    const opened = await app.write((db) => reports.openReport(db, req.actor, req.body));
    const body = await app.read((db) => view.getReport(db, req.actor, opened.id, requestLang(req)));
    return reply.code(opened.created ? 201 : 200).send(body);
  });

  r.get('/api/v1/reports/:id', {
    schema: { tags, summary: 'A report: own figures, subordinates’ aggregate, totals, narrative, checks', params: idParams, response: { 200: report } },
  }, async (req) => app.read((db) => view.getReport(db, req.actor, req.params.id, requestLang(req))));

  r.put('/api/v1/reports/:id', {
    schema: { tags, summary: 'Save the draft (409 when someone saved since the version you started from)', params: idParams, body: saveDraftBody, response: { 200: z.object({ id: z.number().int(), version: z.number().int() }) } },
  }, async (req) => app.write((db) => reports.saveDraft(db, req.actor, req.params.id, req.body)));

  r.post('/api/v1/reports/:id/submit', {
    schema: {
      tags, summary: 'Submit: hard rules must pass; the version becomes an immutable snapshot', params: idParams, body: submitBody,
      response: { 200: changed.extend({ seq: z.number().int(), warnings: z.array(z.string()) }) },
    },
  }, async (req) => app.write((db) => reports.submit(db, req.actor, req.params.id, req.body.version, requestLang(req))));

  r.post('/api/v1/reports/:id/accept', {
    schema: { tags, summary: 'Accept a submitted report (its figures join every ancestor’s rollup)', params: idParams, body: acceptBody, response: { 200: changed } },
  }, async (req) => app.write((db) => review.accept(db, req.actor, req.params.id, req.body.comment)));

  r.post('/api/v1/reports/:id/return', {
    schema: { tags, summary: 'Return a submitted report with a comment', params: idParams, body: returnBody, response: { 200: changed } },
  }, async (req) => app.write((db) => review.returnReport(db, req.actor, req.params.id, req.body.comment)));

  r.get('/api/v1/reports/:id/versions/:seq', {
    schema: { tags, summary: 'One submitted version, as it was sent', params: versionParams, response: { 200: reportVersion } },
  }, async (req) => app.read((db) => view.getVersion(db, req.actor, req.params.id, req.params.seq, requestLang(req))));

  r.get('/api/v1/reports/:id/diff', {
    schema: { tags, summary: 'Compare two versions (or a version with the working copy)', params: idParams, querystring: diffQuery, response: { 200: reportDiff } },
  }, async (req) => app.read((db) => view.diffVersions(db, req.actor, req.params.id, req.query.from, req.query.to)));

  r.get('/api/v1/reports/:id/compiled', {
    schema: { tags, summary: 'Compiled narrative of the units below, by section, highlights first', params: idParams, response: { 200: compiledNarrative } },
  }, async (req) => app.read((db) => getCompiled(db, req.actor, req.params.id)));

  r.get('/api/v1/reports/:id/flags', {
    schema: { tags, summary: 'Figures that look wrong, explained', params: idParams, response: { 200: z.array(flag) } },
  }, async (req) => app.read((db) => flagsOfReport(db, req.actor, req.params.id, requestLang(req))));

  r.post('/api/v1/reports/:id/highlights', {
    schema: { tags, summary: 'Mark a paragraph (or section) as a highlight for the compiled narrative above', params: idParams, body: highlightBody, response: { 201: z.object({ id: z.number().int(), section: z.string(), paragraph: z.number().int(), note: z.string().nullable() }) } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => review.addHighlight(db, req.actor, req.params.id, req.body))));

  r.delete('/api/v1/reports/:id/highlights/:highlightId', {
    schema: { tags, summary: 'Remove a highlight', params: highlightParams, response: { 200: okResponse } },
  }, async (req) => {
    await app.write((db) => review.removeHighlight(db, req.actor, req.params.id, req.params.highlightId));
    return { ok: true as const };
  });

  r.get('/api/v1/reports/:id/export.xlsx', {
    schema: { tags, summary: "The report's figures as a spreadsheet (fill column D and import it back)", params: idParams, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const file = await app.read((db) => exportReportXlsx(db, req.actor, req.params.id));
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.bytes);
  });

  r.post('/api/v1/reports/:id/import.xlsx', {
    schema: {
      tags, summary: 'Import own figures from a spreadsheet (field "file"); any bad cell rejects the file, naming each cell', params: idParams,
      querystring: versionQuery, consumes: ['multipart/form-data'],
      response: { 200: z.object({ id: z.number().int(), version: z.number().int(), imported: z.number().int() }) },
    },
  }, async (req) => {
    // Who is asking is settled before reading the upload.
    if (!req.actor) throw new UnauthorizedError();
    const bytes = await uploadedFile(req);
    const result = await app.write((db) => importReportXlsx(db, req.actor, req.params.id, req.query.version, bytes));
    return { id: result.id, version: result.version, imported: result.imported };
  });

  r.get('/api/v1/review-inbox', {
    schema: { tags, summary: 'Reports awaiting my review (or that I decided)', querystring: inboxQuery, response: { 200: z.array(reportSummary) } },
  }, async (req) => app.read((db) => review.inbox(db, req.actor, req.query, requestLang(req))));
}
