/** Signing in and out, the signed-in person, their password and API tokens. */
import type { z } from 'zod';
import type { changePasswordBody, loginBody, loginResponse, meResponse } from '../../../src/modules/auth/auth.contract';
import type { createdToken, createTokenBody, tokenView } from '../../../src/modules/users/users.contract';
import { api, request, setCsrfToken } from './client';

export type Me = z.infer<typeof meResponse>;
export type LoginInput = z.input<typeof loginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;
export type ApiToken = z.infer<typeof tokenView>;
export type CreatedToken = z.infer<typeof createdToken>;
export type CreateTokenInput = z.input<typeof createTokenBody>;

/** The signed-in person, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('GET', '/me', { allowUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if ((error as { status?: number }).status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(input: LoginInput): Promise<Me> {
  const result = await request<z.infer<typeof loginResponse>>('POST', '/auth/login', { body: input, allowUnauthorized: true });
  setCsrfToken(result.user.csrfToken);
  return result.user;
}

export async function logout(): Promise<void> {
  try {
    await request('POST', '/auth/logout', { body: {}, allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export const changePassword = (input: ChangePasswordInput) => api.post<{ ok: true }>('/me/password', input);
export const listMyTokens = () => api.get<ApiToken[]>('/me/tokens');
export const createToken = (input: CreateTokenInput) => api.post<CreatedToken>('/me/tokens', input);
export const revokeToken = (id: number) => api.delete<{ ok: true }>(`/tokens/${id}`);
