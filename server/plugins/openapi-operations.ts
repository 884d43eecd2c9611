import type { FastifyContextConfig, FastifySchema } from 'fastify';
import { canInNetwork, NETWORK_ACTIONS, type NetworkActor } from '../../common/permissions.ts';
import { UPLOAD_FIELD } from '../platform/files/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Who may call a route that declares no action, for the OpenAPI document (a route with an action
     * is described by its action): `public` needs no session, `optional` answers visitors too (and
     * members more); without it the route needs a signed-in session.
     */
    access?: 'public' | 'optional';
  }
}

/** The security scheme of the session cookie (see platform/sessions). */
export const SESSION_SCHEME = 'session';

type SecurityRequirement = Record<string, string[]>;
const SIGNED_IN: SecurityRequirement[] = [{ [SESSION_SCHEME]: [] }];
/** Anyone; a session is used when there is one. */
const SESSION_OPTIONAL: SecurityRequirement[] = [{}, { [SESSION_SCHEME]: [] }];

const VISITOR: NetworkActor = {
  signedIn: false,
  platformAdmin: false,
  orgAdmin: false,
  role: null,
  acceptedCurrent: false,
};
const networkActions: ReadonlySet<string> = new Set(NETWORK_ACTIONS);

/**
 * The security requirement of a route, from what it declares: an action a visitor may take in a
 * public network (its page, documents, office) takes a session but does not need one; every other
 * action needs one (organisation and platform actions ask for an account first).
 */
export function securityOf(config: FastifyContextConfig | undefined): SecurityRequirement[] {
  const action = config?.action;
  if (action) {
    const visitorMay = networkActions.has(action) && canInNetwork(VISITOR, action as never, 'public');
    return visitorMay ? SESSION_OPTIONAL : SIGNED_IN;
  }
  if (config?.access === 'public') return [];
  if (config?.access === 'optional') return SESSION_OPTIONAL;
  return SIGNED_IN;
}

const isParam = (segment: string) => segment.startsWith(':');
const pascal = (words: string) =>
  words
    .split(/[-_.]/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
const isPlural = (word: string) => /[^su]s$/.test(word);
const singular = (word: string) =>
  word.endsWith('ies') ? `${word.slice(0, -3)}y` : isPlural(word) ? word.slice(0, -1) : word;

const VERBS: Record<string, string> = { GET: 'get', PUT: 'set', PATCH: 'update', DELETE: 'delete' };

/**
 * An operation id from the method and the path, for client generators: the nouns of the path (a
 * collection followed by an id in the singular, `me` as "my"), without the network every network
 * route sits in, after a verb — `list` for a GET of a collection, `create` for a POST to one, the
 * last segment itself for any other POST (`…/help-requests/:id/offer` → `offerHelpRequest`). A route
 * names its own with `schema.operationId` where this reads badly.
 */
export function operationIdOf(method: string, url: string): string {
  let segments = url.split('/').filter(Boolean);
  if (segments[0] === 'api') segments = segments.slice(1);
  const inNetwork = segments[0] === 'networks' && segments.length > 2 && isParam(segments[1] ?? '');
  if (inNetwork) segments = segments.slice(2);
  const nouns: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (isParam(segment)) {
      // A parameter names nothing, but a suffix does: `:id.ics` → "Ics".
      if (segment.includes('.')) nouns.push(pascal(segment.split('.')[1] ?? ''));
    } else if (segment === 'me') {
      nouns.push(i < segments.length - 1 ? 'My' : 'Me');
    } else {
      nouns.push(pascal(isParam(segments[i + 1] ?? '') ? singular(segment) : segment));
    }
  }
  const last = segments.at(-1) ?? '';
  let verb = VERBS[method] ?? 'post';
  if (method === 'GET' && !isParam(last) && isPlural(last)) verb = 'list';
  if (method === 'POST' && !isParam(last)) {
    nouns.pop();
    if (isPlural(last)) {
      verb = 'create';
      nouns.push(pascal(singular(last)));
    } else {
      verb = pascal(last).replace(/^./, (c) => c.toLowerCase());
    }
  }
  if (method === 'POST' && isParam(last)) verb = 'create';
  if (inNetwork && nouns.length === 0) nouns.push('Network');
  return verb + nouns.join('');
}

/**
 * The request body of an upload or import route, which reads its body itself and so has no body
 * schema: one file in the multipart field every upload uses, or the CSV text itself.
 */
export function uploadBodyOf(schema: FastifySchema): unknown {
  if (schema.body || !schema.consumes) return undefined;
  if (schema.consumes.includes('multipart/form-data')) {
    return {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: 'The file' } },
    };
  }
  return { type: 'string', description: 'The file itself (UTF-8 text)' };
}

/**
 * Answers that are files (a schema JSON Schema cannot say: the bytes as stored) become binary
 * content of whatever type the file has, instead of "any JSON".
 */
export function fileResponsesOf(response: unknown): unknown {
  if (typeof response !== 'object' || response === null) return response;
  const entries = Object.entries(response as Record<string, Record<string, unknown>>).map(
    ([status, schema]) => {
      const isFile =
        status.startsWith('2') &&
        Object.keys(schema).every((key) => key === 'description') &&
        schema.description;
      if (!isFile) return [status, schema];
      const content = { '*/*': { schema: { type: 'string', format: 'binary' } } };
      return [status, { description: schema.description, content }];
    },
  );
  return Object.fromEntries(entries);
}
