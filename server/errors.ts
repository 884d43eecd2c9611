import { ApiError } from '../common/contracts/api-error.ts';
import type { ErrorCode } from '../common/errors.ts';

export type { ErrorCode };

/** The one error type of the server: a stable code, an HTTP status, optional details and message params. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: unknown,
    /** Values for the ICU placeholders of the translated message. */
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND', 404);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);
export const forbidden = () => new AppError('FORBIDDEN', 403);

/** Error answers every route may give, for the OpenAPI document. */
export const errorResponses = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  410: ApiError,
  413: ApiError,
  415: ApiError,
  429: ApiError,
};
