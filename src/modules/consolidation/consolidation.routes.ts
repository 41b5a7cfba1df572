import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestLang } from '../../http/locale';
import { completeness, completenessQuery, consolidation, consolidationQuery, trend, trendQuery } from './consolidation.contract';
import * as done from './consolidation.completeness';
import * as consolidations from './consolidation.service';
import { consolidationXlsx } from './consolidation.xlsx';
import { DOCX_TYPE, consolidationDocx, consolidationDocxQuery, docxOptions, reportDocx } from './consolidation.docx';
import { idParams } from '../../core/contract';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function consolidationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reporting'];

  r.get('/api/v1/consolidation', {
    schema: { tags, summary: 'Consolidated figures of a unit for a period, as structured then or now, with included and missing reports', querystring: consolidationQuery, response: { 200: consolidation } },
  }, async (req) => app.read((db) => consolidations.consolidate(db, req.actor, req.query, requestLang(req))));

  r.get('/api/v1/consolidation/export.xlsx', {
    schema: { tags, summary: 'The consolidation as a workbook: units × indicators, periods × indicators, completeness (or the restructuring map)', querystring: consolidationQuery, produces: [XLSX_TYPE] },
  }, async (req, reply) => {
    const file = await app.read((db) => consolidationXlsx(db, req.actor, req.query));
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.bytes);
  });

  r.get('/api/v1/consolidation/export.docx', {
    schema: { tags, summary: 'The consolidated report in the Party format (number, place-date line, compiled narrative, tables by unit, completeness, recipients, signature)', querystring: consolidationDocxQuery, produces: [DOCX_TYPE] },
  }, async (req, reply) => {
    const file = await app.read((db) => consolidationDocx(db, req.actor, req.query));
    return reply.header('content-type', DOCX_TYPE).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.bytes);
  });

  r.get('/api/v1/reports/:id/export.docx', {
    schema: { tags, summary: "A unit's own report in the Party format", params: idParams, querystring: docxOptions, produces: [DOCX_TYPE] },
  }, async (req, reply) => {
    const file = await app.read((db) => reportDocx(db, req.actor, req.params.id, req.query));
    return reply.header('content-type', DOCX_TYPE).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.bytes);
  });

  r.get('/api/v1/completeness', {
    schema: { tags, summary: 'Each unit that must report: on time, late, missing, returned or not yet due; rolled up', querystring: completenessQuery, response: { 200: completeness } },
  }, async (req) => app.read((db) => done.completeness(db, req.actor, req.query, requestLang(req))));

  r.get('/api/v1/consolidation/trend', {
    schema: { tags, summary: "A unit's consolidated figures across the periods of a schedule", querystring: trendQuery, response: { 200: trend } },
  }, async (req) => app.read((db) => done.trend(db, req.actor, req.query, requestLang(req))));
}
