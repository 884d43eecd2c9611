import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../test/build-app.ts';
import { buildNetwork, buildOrganisation, buildUser } from '../test/factories.ts';
import { CONTRACT_MODULES } from './openapi-components.ts';
import { operationIdOf, securityOf } from './openapi-operations.ts';

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string; format?: string; enum?: unknown[]; $ref?: string };
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, unknown> };
};

const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([url, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), url, operation })),
  );
const refsIn = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(refsIn)
    : typeof node === 'object' && node !== null
      ? Object.entries(node).flatMap(([key, value]) =>
          key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
        )
      : [];

describe('operation ids and security requirements', () => {
  it('names operations by method and path, without the network every network route sits in', () => {
    expect(operationIdOf('GET', '/api/networks/:slug/help-requests')).toBe('listHelpRequests');
    expect(operationIdOf('GET', '/api/networks/:slug/help-requests/:id')).toBe('getHelpRequest');
    expect(operationIdOf('POST', '/api/networks/:slug/help-requests')).toBe('createHelpRequest');
    expect(operationIdOf('POST', '/api/networks/:slug/help-requests/:id/offer')).toBe('offerHelpRequest');
    expect(operationIdOf('PATCH', '/api/networks/:slug')).toBe('updateNetwork');
    expect(operationIdOf('POST', '/api/networks/:slug/leave')).toBe('leaveNetwork');
    expect(operationIdOf('GET', '/api/me')).toBe('getMe');
    expect(operationIdOf('PATCH', '/api/me')).toBe('updateMe');
    expect(operationIdOf('GET', '/api/me/sessions')).toBe('listMySessions');
    expect(operationIdOf('GET', '/api/networks/:slug/events/:id.ics')).toBe('getEventIcs');
    expect(operationIdOf('PUT', '/api/networks/:slug/events/:id/rsvp')).toBe('setEventRsvp');
  });

  it('asks for a session by what the route declares', () => {
    expect(securityOf({ action: 'help.view' })).toEqual([{ session: [] }]);
    expect(securityOf({ action: 'network.view' })).toEqual([{}, { session: [] }]);
    expect(securityOf({ action: 'organisation.edit' })).toEqual([{ session: [] }]);
    expect(securityOf({ action: 'platform.jobs.manage' })).toEqual([{ session: [] }]);
    expect(securityOf({ access: 'public' })).toEqual([]);
    expect(securityOf({ access: 'optional' })).toEqual([{}, { session: [] }]);
    expect(securityOf({})).toEqual([{ session: [] }]);
  });

  it('lists every contract file as a source of components', () => {
    const dir = path.join(import.meta.dirname, '../../common/contracts');
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(Object.keys(CONTRACT_MODULES).sort()).toEqual(files.sort());
  });
});

describe.each(DIALECTS)('the OpenAPI document on %s', (dialect) => {
  let t: TestApp;
  let doc: Document;
  /** Real rows, so that a lookup does not end in 404 before the session is asked for. */
  const existing = { network: '', organisation: '', user: '' };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    doc = (await t.app.inject('/api/openapi.json')).json();
    const organisation = await buildOrganisation(t.ctx);
    existing.organisation = organisation.slug;
    existing.network = (await buildNetwork(t.ctx, { organisationId: organisation.id })).slug;
    existing.user = (await buildUser(t.ctx)).id;
  });
  afterAll(() => t.close());

  it('gives every operation a unique id and a security requirement', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(150);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => typeof id !== 'string' || !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operations.filter(({ operation }) => !Array.isArray(operation.security))).toEqual([]);
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(doc.paths['/api/me']?.get?.security).toEqual([{ session: [] }]);
  });

  it('describes uploads and CSV imports with their request bodies, downloads as files', () => {
    const avatar = doc.paths['/api/me/avatar']?.put?.requestBody?.content['multipart/form-data']?.schema;
    expect(avatar).toMatchObject({ required: ['file'], properties: { file: { format: 'binary' } } });
    const attachment = doc.paths['/api/networks/{slug}/attachments']?.post?.requestBody?.content;
    expect(Object.keys(attachment ?? {})).toEqual(['multipart/form-data']);
    const csv = doc.paths['/api/networks/{slug}/mooc-sessions/{sessionId}/import']?.post?.requestBody;
    expect(csv?.content['text/csv']?.schema).toMatchObject({ type: 'string' });
    const download = doc.paths['/api/networks/{slug}/attachments/{attachmentId}']?.get?.responses['200'];
    expect(download).toMatchObject({ content: { '*/*': { schema: { format: 'binary' } } } });
  });

  it('shares schemas as components, every reference resolving, errors through one schema', () => {
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['ApiError', 'HelpRequest', 'Resource']));
    for (const ref of refsIn(doc)) {
      const [, kind, name] = ref.match(/^#\/components\/(schemas|responses)\/(.+)$/) ?? [];
      expect(kind && name && doc.components[kind as 'schemas'][name], ref).toBeTruthy();
    }
    const list = doc.paths['/api/networks/{slug}/help-requests']?.get;
    expect(list?.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(refsIn(doc.components.responses).every((ref) => ref === '#/components/schemas/ApiError')).toBe(
      true,
    );
    // A read schema and its written twin only both appear where they differ.
    for (const name of Object.keys(schemas).filter((n) => n.endsWith('Input'))) {
      expect(schemas[name]).not.toEqual(schemas[name.replace(/Input$/, '')]);
    }
  });

  /** A value that passes the parameter's schema, so a request gets past validation. */
  const sample = (url: string, parameter: Parameter): string => {
    if (parameter.name === 'slug')
      return url.startsWith('/api/organisations') ? existing.organisation : existing.network;
    if (url.startsWith('/api/users/{id}') && parameter.name === 'id') return existing.user;
    const schema = parameter.schema ?? {};
    const ref = schema.$ref?.split('/').at(-1);
    const resolved = (ref ? doc.components.schemas[ref] : schema) as Parameter['schema'] & object;
    if (resolved.enum) return String(resolved.enum[0]);
    if (resolved.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
    if (resolved.type === 'integer' || resolved.type === 'number') return '1';
    return 'abcdefghijklmnopqrst';
  };

  it('says what signed-out callers meet: 401 where a session is required, never where it is not', async () => {
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const { method, url, operation } of operationsOf(doc)) {
      // A body is validated before the session is checked: those are covered by the routes' own tests.
      if (operation.requestBody) continue;
      const required = JSON.stringify(operation.security) === JSON.stringify([{ session: [] }]);
      let target = url;
      const query = new URLSearchParams();
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path') target = target.replace(`{${parameter.name}}`, sample(url, parameter));
        if (parameter.in === 'query' && parameter.required) query.set(parameter.name, sample(url, parameter));
      }
      if (query.size > 0) target += `?${query}`;
      const res = await t.app.inject({
        method: method as 'GET',
        url: target,
        headers: { origin: TEST_ORIGIN },
      });
      const said = `${method} ${url} → ${res.statusCode} ${res.body.slice(0, 80)}`;
      // A parameter the sample does not fit says nothing about the session.
      if (res.statusCode === 400 && res.json().error.code === 'VALIDATION_FAILED') continue;
      if (required !== (res.statusCode === 401)) wrong.push(said);
      checked.push(said);
    }
    expect(wrong).toEqual([]);
    expect(checked.length).toBeGreaterThan(80);
  });
});
