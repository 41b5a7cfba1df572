import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ValidationError } from '../../core/errors';
import { requestLang } from '../../http/locale';
import { issuesToFields } from '../../http/validation';
import { extractBody, extractResponse, fromCitationsBody, fromCitationsResponse } from './citations.contract';
import * as citations from './citations.service';
import { readSingleFile } from './documents.uploads';

export async function citationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  // One route for both inputs: JSON {text}, or a DOCX uploaded as multipart (field "file").
  // The multipart body is not parsed by Fastify, so the JSON shape is checked here.
  r.post('/api/v1/citations/extract', {
    schema: {
      tags, summary: 'Find every document a text cites, once each, with what the registry has (JSON {text}, or multipart DOCX in "file")',
      // nullish: a multipart request reaches validation with no parsed body
      body: extractBody.nullish(), consumes: ['application/json', 'multipart/form-data'], response: { 200: extractResponse },
    },
  }, async (req) => {
    const lang = requestLang(req);
    if (req.isMultipart()) {
      const file = await readSingleFile(req, 'file');
      const text = await citations.docxText(file.bytes);
      return { source: 'docx' as const, text, citations: await app.read((db) => citations.extractFromText(db, req.actor, text, lang)) };
    }
    const parsed = extractBody.safeParse(req.body);
    if (!parsed.success) throw new ValidationError(issuesToFields(parsed.error.issues, 'body'));
    return { source: 'text' as const, text: null, citations: await app.read((db) => citations.extractFromText(db, req.actor, parsed.data.text, lang)) };
  });

  r.post('/api/v1/documents/from-citations', {
    schema: {
      tags, summary: 'Link each citation to an existing registry entry or create it; all or nothing',
      body: fromCitationsBody, response: { 201: fromCitationsResponse },
    },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => citations.createFromCitations(db, req.actor, req.body))));
}
