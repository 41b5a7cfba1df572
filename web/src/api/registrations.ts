/** Focus-issue registrations: the inbox lists and the workflow steps. */
import type { z } from 'zod';
import type {
  createRegistrationBody, listRegistrationsQuery, registrationList, registrationProgressBody, registrationView, updateRegistrationBody,
} from '../../../src/modules/registrations/registrations.contract';
import { api, request } from './client';

export type Registration = z.infer<typeof registrationView>;
export type RegistrationList = z.infer<typeof registrationList>;
export type RegistrationSummary = RegistrationList['items'][number];
export type ListRegistrationsQuery = z.input<typeof listRegistrationsQuery>;
export type CreateRegistrationInput = z.input<typeof createRegistrationBody>;
export type UpdateRegistrationInput = z.input<typeof updateRegistrationBody>;
export type RegistrationProgressInput = z.input<typeof registrationProgressBody>;

export const listRegistrations = (query: ListRegistrationsQuery, signal?: AbortSignal) => api.get<RegistrationList>('/registrations', query, signal);
export const getRegistration = (id: number) => api.get<Registration>(`/registrations/${id}`);
export const createRegistration = (input: CreateRegistrationInput) => api.post<Registration>('/registrations', input);
export const updateRegistration = (id: number, input: UpdateRegistrationInput) => request<Registration>('PUT', `/registrations/${id}`, { body: input });
export const deleteRegistration = (id: number) => api.delete<{ ok: true }>(`/registrations/${id}`);

export type RegistrationStep = 'submit' | 'approve' | 'return' | 'progress' | 'resolution' | 'confirm' | 'reopen';
export const registrationStep = (id: number, step: RegistrationStep, body: unknown = {}) => api.post<Registration>(`/registrations/${id}/${step}`, body);

export const registrationFilesPath = (id: number, entryId: number) => `/registrations/${id}/entries/${entryId}/files`;
export const registrationFileUrl = (id: number, entryId: number, fileId: number) => `/api/v1/registrations/${id}/entries/${entryId}/files/${fileId}`;
