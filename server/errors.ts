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
