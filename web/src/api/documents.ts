/** The document registry, its chain, attachments, and citation extraction. */
import type { z } from 'zod';
import type {
  extractResponse, citationView, fromCitationsBody, fromCitationsResponse,
} from '../../../src/modules/documents/citations.contract';
import type {
  attachmentView, createDocumentBody, documentChain, documentDetail, documentLinkView, documentList, documentSummary,
  documentView, kindView, listDocumentsQuery, numberCheck, updateDocumentBody,
} from '../../../src/modules/documents/documents.contract';
import { api } from './client';

export type DocumentSummary = z.infer<typeof documentSummary>;
export type DocumentView = z.infer<typeof documentView>;
export type DocumentDetail = z.infer<typeof documentDetail>;
export type DocumentList = z.infer<typeof documentList>;
export type DocumentLink = z.infer<typeof documentLinkView>;
export type DocumentChain = z.infer<typeof documentChain>;
export type Attachment = z.infer<typeof attachmentView>;
export type DocumentKindInfo = z.infer<typeof kindView>;
export type NumberCheck = z.infer<typeof numberCheck>;
export type ListDocumentsQuery = z.input<typeof listDocumentsQuery>;
export type CreateDocumentInput = z.input<typeof createDocumentBody>;
export type UpdateDocumentInput = z.input<typeof updateDocumentBody>;
export type Citation = z.infer<typeof citationView>;
export type Extraction = z.infer<typeof extractResponse>;
export type FromCitationsInput = z.input<typeof fromCitationsBody>;
export type FromCitationsResult = z.infer<typeof fromCitationsResponse>;
export type LinkKind = DocumentLink['kind'];

export const listDocuments = (query: ListDocumentsQuery, signal?: AbortSignal) => api.get<DocumentList>('/documents', query, signal);
export const getDocument = (id: number, signal?: AbortSignal) => api.get<DocumentDetail>(`/documents/${id}`, undefined, signal);
export const getChain = (id: number, signal?: AbortSignal) => api.get<DocumentChain>(`/documents/${id}/chain`, undefined, signal);
export const listKinds = () => api.get<DocumentKindInfo[]>('/document-kinds');
export const checkNumber = (number: string, signal?: AbortSignal) => api.get<NumberCheck>('/document-numbers/check', { number }, signal);
export const createDocument = (input: CreateDocumentInput) => api.post<DocumentView>('/documents', input);
export const updateDocument = (id: number, input: UpdateDocumentInput) => api.patch<DocumentView>(`/documents/${id}`, input);
export const deleteDocument = (id: number) => api.delete<null>(`/documents/${id}`);
export const addLink = (id: number, input: { kind: LinkKind; toDocumentId: number }) => api.post<DocumentLink>(`/documents/${id}/links`, input);
export const removeLink = (id: number, linkId: number) => api.delete<null>(`/documents/${id}/links/${linkId}`);
export const attachFile = (id: number, file: File, role: Attachment['role']) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Attachment>(`/documents/${id}/attachments`, form, { role });
};
export const detachFile = (id: number, fileId: number) => api.delete<null>(`/documents/${id}/attachments/${fileId}`);
export const attachmentUrl = (id: number, fileId: number) => `/api/v1/documents/${id}/attachments/${fileId}`;

export const extractFromText = (text: string) => api.post<Extraction>('/citations/extract', { text });
export const extractFromDocx = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Extraction>('/citations/extract', form);
};
export const createFromCitations = (input: FromCitationsInput) => api.post<FromCitationsResult>('/documents/from-citations', input);
