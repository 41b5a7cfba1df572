/**
 * The one way the web app talks to the API: JSON over fetch with the session cookie, the
 * user's language (`Accept-Language`) and, on state-changing requests, the session's CSRF token.
 * Every failure becomes an `ApiError` carrying the server's `{"error":{"code","message","details"}}`.
 * A 401 on an authenticated call means the session ended: the registered handler sends the
 * person back to the login page.
 */
import { currentLang } from '../i18n';

export interface FieldProblem {
  /** Dotted path as the server names it: `name`, `into.newUnit.code`, `parts.0.code`. */
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Field-level problems, in the current language: validation errors list them in `details`
   * (`{field, message, messageEn}`); conflicts name one field (`{field}`) with the message.
   */
  fieldProblems(): FieldProblem[] {
    const lang = currentLang();
    if (Array.isArray(this.details)) {
      return this.details
        .filter((d): d is { field: string; message: string; messageEn?: string } => typeof d?.field === 'string' && typeof d?.message === 'string')
        .map((d) => ({ field: d.field, message: lang === 'en' && d.messageEn ? d.messageEn : d.message }));
    }
    const field = (this.details as { field?: unknown } | undefined)?.field;
    if (typeof field === 'string') return [{ field, message: this.message }];
    return [];
  }
}

/** No answer at all (offline, server down): shown as a network problem, not a server message. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the session provider: what to do when the server says the session is gone. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (the login and session probe handle it themselves). */
  allowUnauthorized?: boolean;
}

const API_BASE = '/api/v1';

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang() };
  // A FormData body (file upload) sets its own multipart Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const apiError = new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `${response.status} ${response.statusText}`, error?.details);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw apiError;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data upload (files); same errors, CSRF and language as every other call. */
  upload: <T>(path: string, form: FormData, query?: Record<string, QueryValue>) => request<T>('POST', path, { body: form, query }),
};
