import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { INVALID_URL } from '../../common/contracts/url.ts';
import type { ApiErrorBody, ErrorCode } from '../../common/errors.ts';
import type { Locale } from '../../common/locales.ts';
import { AppError } from '../errors.ts';
import { translate } from '../lib/i18n.ts';

export interface FieldError {
  path: string[];
  code: string;
  message: string;
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns zod issues into field errors with translated messages. */
function fieldErrors(locale: Locale, issues: ValidationIssue[], input: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter(Boolean);
    const p = issue.params;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(p.keys)) {
      for (const key of p.keys as string[]) {
        out.push({
          path: [...path, key],
          code: 'unknown_field',
          message: translate(locale, 'validation.unknown_field'),
        });
      }
      continue;
    }
    let code = 'invalid';
    let params: Record<string, number> | undefined;
    if (issue.keyword === 'invalid_type' && valueAt(input, path) === undefined) code = 'required';
    else if (issue.keyword === 'too_small' && p.origin === 'string' && Number(p.minimum) <= 1)
      code = 'required';
    else if (issue.keyword === 'too_small' && p.origin === 'string') {
      code = 'too_short';
      params = { min: Number(p.minimum) };
    } else if (issue.keyword === 'too_big' && p.origin === 'string') {
      code = 'too_long';
      params = { max: Number(p.maximum) };
    } else if (issue.keyword === 'invalid_format' && p.format === 'email') code = 'invalid_email';
    else if (issue.keyword === 'invalid_value') code = 'invalid_value';
    else if (issue.keyword === 'custom' && (p.params as { code?: unknown } | undefined)?.code === INVALID_URL)
      code = 'invalid_url';
    out.push({ path, code, message: translate(locale, `validation.${code}`, params) });
  }
  return out;
}

function valueAt(input: unknown, path: string[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  details?: unknown,
  params?: Record<string, string | number>,
) {
  const body: ApiErrorBody = {
    error: { code, message: translate(request.locale, `errors.${code}`, params) },
  };
  if (details !== undefined) body.error.details = details;
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_JSON'],
  // @fastify/multipart (upload routes): a non-multipart body, or more parts than a route allows.
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_PARTS_LIMIT: [413, 'PAYLOAD_TOO_LARGE'],
  FST_FILES_LIMIT: [413, 'PAYLOAD_TOO_LARGE'],
  FST_FIELDS_LIMIT: [413, 'PAYLOAD_TOO_LARGE'],
};

/** One error handler: every failure leaves as `{ error: { code, message, details? } }`; 5xx hide details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429 && typeof error.details === 'object' && error.details) {
        const retry = (error.details as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
      }
      return sendError(request, reply, error.status, error.code, error.details, error.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(
        request,
        reply,
        400,
        'VALIDATION_FAILED',
        fieldErrors(
          request.locale,
          error.validation as unknown as ValidationIssue[],
          error.validationContext === 'querystring'
            ? request.query
            : error.validationContext === 'params'
              ? request.params
              : request.body,
        ),
      );
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped[0], mapped[1]);
    if (error instanceof SyntaxError && error.statusCode === 400)
      return sendError(request, reply, 400, 'INVALID_JSON');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
      return sendError(request, reply, error.statusCode, code);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, 500, 'INTERNAL');
  });
}
