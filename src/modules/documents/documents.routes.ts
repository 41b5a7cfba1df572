import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract';
import { requestLang } from '../../http/locale';
import {
  attachmentParams, attachmentQuery, attachmentView, chainQuery, createDocumentBody, createLinkBody, documentChain,
  documentDetail, documentLinkView, documentList, documentView, kindView, linkParams, listDocumentsQuery, numberCheck,
  numberCheckQuery, updateDocumentBody,
} from './documents.contract';
import * as attachments from './document-attachments.service';
import * as links from './document-links.service';
import * as documents from './documents.service';
import { readSingleFile, sendDownload, writeStoringFiles } from './documents.uploads';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];

  r.get('/api/v1/documents', {
    schema: { tags, summary: 'Search the registry (without diacritics), filter by kind, issuer, year', querystring: listDocumentsQuery, response: { 200: documentList } },
  }, async (req) => app.read((db) => documents.listDocuments(db, req.actor, req.query)));

  r.post('/api/v1/documents', {
    schema: { tags, summary: 'Register a document (number in either convention, any usual spelling)', body: createDocumentBody, response: { 201: documentView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => documents.createDocument(db, req.actor, req.body))));

  r.get('/api/v1/document-kinds', {
    schema: { tags, summary: 'Kinds of documents and their number codes (Party, State)', response: { 200: z.array(kindView) } },
  }, async (req) => app.read((db) => documents.listKinds(db, req.actor)));

  r.get('/api/v1/document-numbers/check', {
    schema: { tags, summary: 'Read a document number: its canonical form, or what is wrong with it', querystring: numberCheckQuery, response: { 200: numberCheck } },
  }, async (req) => app.read((db) => documents.checkNumber(db, req.actor, req.query.number, requestLang(req))));

  r.get('/api/v1/documents/:id', {
    schema: { tags, summary: 'One document with its links and attachments', params: idParams, response: { 200: documentDetail } },
  }, async (req) => app.read((db) => documents.getDocument(db, req.actor, req.params.id)));

  r.patch('/api/v1/documents/:id', {
    schema: { tags, summary: 'Edit a document', params: idParams, body: updateDocumentBody, response: { 200: documentView } },
  }, async (req) => app.write((db) => documents.updateDocument(db, req.actor, req.params.id, req.body)));

  r.delete('/api/v1/documents/:id', {
    schema: { tags, summary: 'Remove a document no plan or report refers to', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await app.write((db) => documents.deleteDocument(db, req.actor, req.params.id));
    return reply.code(204).send(null);
  });

  r.get('/api/v1/documents/:id/chain', {
    schema: { tags, summary: 'What the document implements (up) and what implements it (down), level by level', params: idParams, querystring: chainQuery, response: { 200: documentChain } },
  }, async (req) => app.read((db) => links.documentChain(db, req.actor, req.params.id, req.query)));

  r.post('/api/v1/documents/:id/links', {
    schema: { tags, summary: 'Link this document to another (implements, based_on, amends, replaces, related)', params: idParams, body: createLinkBody, response: { 201: documentLinkView } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => links.addLink(db, req.actor, req.params.id, req.body))));

  r.delete('/api/v1/documents/:id/links/:linkId', {
    schema: { tags, summary: 'Remove a link', params: linkParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await app.write((db) => links.removeLink(db, req.actor, req.params.id, req.params.linkId));
    return reply.code(204).send(null);
  });

  r.post('/api/v1/documents/:id/attachments', {
    schema: {
      tags, summary: 'Attach the signed PDF or the DOCX (multipart, field "file"; the type is read from the bytes)',
      params: idParams, querystring: attachmentQuery, consumes: ['multipart/form-data'], response: { 201: attachmentView },
    },
  }, async (req, reply) => {
    const file = await readSingleFile(req, 'file');
    const attached = await writeStoringFiles(app, (db, store) => attachments.attachFile(db, store, req.actor, req.params.id, { ...file, role: req.query.role }));
    return reply.code(201).send(attached);
  });

  r.get('/api/v1/documents/:id/attachments/:fileId', {
    schema: { tags, summary: 'Download an attachment', params: attachmentParams },
  }, async (req, reply) => sendDownload(reply, await app.read((db) => attachments.readAttachment(db, app.fileStore, req.actor, req.params.id, req.params.fileId))));

  r.delete('/api/v1/documents/:id/attachments/:fileId', {
    schema: { tags, summary: 'Detach a file from the document', params: attachmentParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await app.write((db) => attachments.detachFile(db, req.actor, req.params.id, req.params.fileId));
    return reply.code(204).send(null);
  });
}
