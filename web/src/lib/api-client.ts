import { type ErrorCode, isApiErrorBody } from '../../../common/errors.ts';
import { currentLocale, i18next } from './i18n.ts';

/** Client-side failure that never reached the server. */
export type ClientErrorCode = 'NETWORK_ERROR';

/** An error answer of the API (or a network failure), with the message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the JSON API under /api; sends the UI language so server messages arrive translated.
 * A FormData body goes as multipart (uploads), a Blob as itself with its own type (e.g. a CSV
 * file); anything else as JSON.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  };
  const multipart = body instanceof FormData;
  const blob = body instanceof Blob;
  if (blob) headers['Content-Type'] = body.type || 'application/octet-stream';
  else if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : multipart || blob ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', i18next.t('common.network_error'));
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    if (isApiErrorBody(data)) {
      const { code, message, details } = data.error;
      throw new ApiError(response.status, code, message || i18next.t(`errors.${code}`), details);
    }
    throw new ApiError(response.status, 'INTERNAL', i18next.t('errors.INTERNAL'));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    apiRequest<T>('POST', path, body, headers),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** A request that may be sent more than once (a queue, a retry): the server answers a repeat with the first answer. */
export const idempotent = (key: string) => ({ 'Idempotency-Key': key });

/** A fresh random key for `idempotent` (32 hex digits). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
