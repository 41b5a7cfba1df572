/** Accounts and their grants (admin screens). */
import type { z } from 'zod';
import type {
  createGrantBody, createUserBody, grant, listUsersQuery, updateUserBody, user,
} from '../../../src/modules/users/users.contract';
import { api } from './client';

export type User = z.infer<typeof user>;
export type Grant = z.infer<typeof grant>;
export type ListUsersQuery = Omit<z.input<typeof listUsersQuery>, 'includeInactive'> & { includeInactive?: boolean };
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
export type CreateGrantInput = z.input<typeof createGrantBody>;

export const listUsers = (query: ListUsersQuery, signal?: AbortSignal) => api.get<User[]>('/users', {
  ...query, includeInactive: query.includeInactive ? 'true' : undefined,
}, signal);
export const getUser = (id: number) => api.get<User>(`/users/${id}`);
export const createUser = (input: CreateUserInput) => api.post<User>('/users', input);
export const updateUser = (id: number, input: UpdateUserInput) => api.patch<User>(`/users/${id}`, input);
export const setUserActive = (id: number, active: boolean) => api.post<User>(`/users/${id}/active`, { active });
export const resetPassword = (id: number, password: string) => api.post<{ ok: true }>(`/users/${id}/password`, { password });
export const addGrant = (userId: number, input: CreateGrantInput) => api.post<Grant>(`/users/${userId}/grants`, input);
export const removeGrant = (userId: number, grantId: number) => api.delete<{ ok: true }>(`/users/${userId}/grants/${grantId}`);
