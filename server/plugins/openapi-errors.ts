/** The error answers, shared by every operation that lists them (server/errors.ts `errorResponses`). */
const ERRORS: Record<string, { name: string; description: string }> = {
  '400': {
    name: 'BadRequest',
    description: 'The input is not valid (`details` lists the fields) or not allowed',
  },
  '401': { name: 'Unauthenticated', description: 'Not signed in, or the session has ended' },
  '403': {
    name: 'Forbidden',
    description: 'Signed in, but not allowed (or the agreement is not accepted yet)',
  },
  '404': { name: 'NotFound', description: 'Not found, or not visible to the caller' },
  '409': {
    name: 'Conflict',
    description: 'Conflicts with the current state (changed by someone else, already done)',
  },
  '410': { name: 'Gone', description: 'No longer available (an expired or used link)' },
  '413': { name: 'TooLarge', description: 'The body or file is too large' },
  '415': {
    name: 'UnsupportedMediaType',
    description: 'The body or file has a type this operation does not take',
  },
  '429': { name: 'TooManyRequests', description: 'Too many attempts; try again later' },
  '4XX': { name: 'ClientError', description: 'The request cannot be answered (see the error code)' },
};

const API_ERROR_REF = '#/components/schemas/ApiError';

/** `components.responses`: one per error status, all with the one error schema. */
export const ERROR_RESPONSES = Object.fromEntries(
  Object.values(ERRORS).map(({ name, description }) => [
    name,
    { description, content: { 'application/json': { schema: { $ref: API_ERROR_REF } } } },
  ]),
);

type Json = Record<string, unknown>;

/** An answer that is only the error schema (the document says nothing more about it). */
function isPlainError(response: unknown): boolean {
  const content = (response as { content?: Record<string, { schema?: Json }> }).content;
  const types = Object.keys(content ?? {});
  return types.length === 1 && content?.[types[0] ?? '']?.schema?.$ref === API_ERROR_REF;
}

const SUCCESS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'Done, nothing to answer',
};

/**
 * Points each operation's error answers at the shared responses instead of repeating them, and
 * says more than "Default Response" for a success.
 */
export function errorResponsesOf(document: Json): Json {
  for (const operations of Object.values((document.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(operations)) {
      const responses = operation.responses as Record<string, unknown> | undefined;
      if (!responses) continue;
      // Any route can answer an error in the one shape, if only a 404 or 429.
      if (!Object.keys(responses).some((status) => status.startsWith('4'))) {
        responses['4XX'] = { $ref: '#/components/responses/ClientError' };
      }
      for (const [status, response] of Object.entries(responses)) {
        const success = response as { description?: string };
        if (SUCCESS[status] && success.description === 'Default Response')
          success.description = SUCCESS[status];
        const shared = ERRORS[status];
        if (shared && isPlainError(response)) {
          responses[status] = { $ref: `#/components/responses/${shared.name}` };
        }
      }
    }
  }
  return document;
}
