import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalidField } from '../../core/errors';
import { exportQuery, importQuery, importResult } from './orgs.transfer.contract';
import * as transfer from './orgs.transfer';

/** The uploaded bytes of the multipart field `file`. */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw invalidField('file', 'hãy gửi tệp trong trường "file" (multipart/form-data)', 'send the file in the "file" field (multipart/form-data)');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw invalidField('file', 'thiếu tệp trong trường "file"', 'the "file" field is missing');
  return part.toBuffer();
}

export async function orgTransferRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organization'];

  r.post('/api/v1/org-units/import', {
    schema: {
      tags,
      summary: 'Import units from a CSV or XLSX file (field "file"); all rows or none. dryRun=true only checks.',
      description: 'Columns: code, name, short_name, kind, parent_code, state_parent_code, valid_from (dd/mm/yyyy). '
        + 'A bad row rejects the whole file with 400 and every problem (row, column, message) in error.details.',
      consumes: ['multipart/form-data'],
      querystring: importQuery,
      response: { 200: importResult, 201: importResult },
    },
  }, async (req, reply) => {
    const bytes = await uploadedFile(req);
    const options = { dryRun: req.query.dryRun, hierarchy: req.query.hierarchy };
    if (options.dryRun) return reply.code(200).send(await app.read((db) => transfer.importUnits(db, req.actor, bytes, options)));
    return reply.code(201).send(await app.write((db) => transfer.importUnits(db, req.actor, bytes, options)));
  });

  r.get('/api/v1/org-units/export', {
    schema: {
      tags,
      summary: 'Export a hierarchy (or one subtree) as of a date, in the import columns',
      querystring: exportQuery,
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (req, reply) => {
    const file = await app.read((db) => transfer.exportUnits(db, req.actor, req.query));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-unit-count', String(file.count))
      .send(file.bytes);
  });
}
