/**
 * Uploading files (multipart) to the API with the session's CSRF token, failing like every
 * other call: an `ApiError` with the server's message and the field it names ("files.0").
 */
import { currentLang } from '../i18n';
import { ApiError, NetworkError } from './client';

export async function uploadFiles<T>(path: string, field: string, files: File[], csrfToken: string | null): Promise<T> {
  const form = new FormData();
  for (const file of files) form.append(field, file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': currentLang(), ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const payload = await response.json().catch(() => null) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!response.ok) {
    throw new ApiError(response.status, payload?.error?.code ?? 'http_error', payload?.error?.message ?? `${response.status}`, payload?.error?.details);
  }
  return payload as T;
}
