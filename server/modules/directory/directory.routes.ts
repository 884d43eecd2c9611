import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DirectoryEntry,
  DirectoryEntryBody,
  DirectoryEntryParams,
  DirectoryExportQuery,
  DirectoryImportResult,
  DirectoryList,
  DirectoryMapSettings,
  DirectoryQuery,
  GeocodeQuery,
  GeocodeResult,
  UpdateDirectoryEntryBody,
} from '../../../common/contracts/directory.ts';
import { DIRECTORY_IMPORT_MAX_BYTES } from '../../../common/directory.ts';
import type { AppContext } from '../../context.ts';
import { ApiError } from '../../../common/contracts/api-error.ts';
import { AppError, errorResponses, unauthenticated } from '../../errors.ts';
import { presentEntry } from './directory.presenter.ts';
import * as service from './directory.service.ts';
import { directoryClaimRoutes } from './directory-claims.routes.ts';
import { entriesToCsv } from './directory-file.ts';
import { geocode } from './geocoder.ts';
import { type DirectoryUpload, importDirectory, previewDirectoryImport } from './directory-import.service.ts';
import { createPublicReadLimit } from './public-read-limit.ts';

/**
 * Address lookups per admin and minute, per process: a few are enough to place an entry, and the
 * public Nominatim allows one a second for a whole platform.
 */
const GEOCODES_PER_MINUTE = 20;

/** The public API: documented under its own tag, readable from any site without an account. */
const publicTags = ['public directory'];
const adminTags = ['directory administration'];

/**
 * Headers of a public read: anyone may fetch it from another site (CORS, CORP), caches may keep it
 * a minute, and an unchanged answer is a 304 to a client that sends its ETag back.
 */
function answerCacheable<T>(request: FastifyRequest, reply: FastifyReply, value: T): T | FastifyReply {
  const etag = `W/"${createHash('sha1').update(JSON.stringify(value)).digest('base64url')}"`;
  reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'public, max-age=60')
    .header('etag', etag);
  const wanted = request.headers['if-none-match'];
  if (wanted?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*'))
    return reply.code(304).send();
  return value;
}

function userOf(request: FastifyRequest) {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

/** The public directory (E3): search, one entry, export; curation, import and claims for admins. */
export async function directoryRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const limit = createPublicReadLimit(ctx.config.directoryReadsPerMinute);
  const geocodeLimit = createPublicReadLimit(GEOCODES_PER_MINUTE);
  await fastify.register(async (scope) => {
    // Encapsulated, so the CSV body parser applies to these routes only.
    scope.addContentTypeParser(
      ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
      { parseAs: 'buffer', bodyLimit: DIRECTORY_IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const publicRead = {
      config: { access: 'public' as const },
      onRequest: async (request: FastifyRequest) => limit.hit(request.ip),
    };

    app.get(
      '/api/directory',
      {
        ...publicRead,
        schema: {
          operationId: 'listDirectoryEntries',
          tags: publicTags,
          summary:
            'Organisations and networks that support migrants, filtered by text, country, city or region, ' +
            'services, languages and kind; nearest first with lat and lng. No account needed; ' +
            'CORS-open, cacheable (ETag), rate-limited per client address',
          querystring: DirectoryQuery,
          response: { 200: DirectoryList, 304: z.null().describe('Not modified'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { rows, near, page, nextPage } = await service.listDirectory(ctx, request.query);
        return answerCacheable(request, reply, {
          entries: rows.map((row) => presentEntry(row, near)),
          page,
          nextPage,
        });
      },
    );

    app.get(
      '/api/directory/export',
      {
        ...publicRead,
        schema: {
          tags: publicTags,
          summary:
            'Every entry matching the filters as CSV (the columns documented in the README) or JSON ' +
            '(`{ entries }`, importable as it is)',
          querystring: DirectoryExportQuery,
          produces: ['text/csv', 'application/json'],
          response: { 200: z.string().or(z.object({ entries: z.array(DirectoryEntry) })), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { rows, near } = await service.exportDirectory(ctx, request.query);
        const entries = rows.map((row) => presentEntry(row, near));
        reply
          .header('access-control-allow-origin', '*')
          .header('cross-origin-resource-policy', 'cross-origin');
        const stamp = new Date().toISOString().slice(0, 10);
        if (request.query.format === 'json') {
          reply.header('content-disposition', `attachment; filename="directory-${stamp}.json"`);
          return { entries };
        }
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="directory-${stamp}.csv"`);
        return entriesToCsv(entries);
      },
    );

    app.get(
      '/api/directory/map-settings',
      {
        ...publicRead,
        schema: {
          operationId: 'getDirectoryMapSettings',
          tags: publicTags,
          summary:
            "The directory map's tile server (URL template and attribution) and whether addresses can be " +
            'looked up; no account needed',
          response: { 200: DirectoryMapSettings, 304: z.null().describe('Not modified'), ...errorResponses },
        },
      },
      async (request, reply) =>
        answerCacheable(request, reply, {
          tileUrl: ctx.config.map.tileUrl,
          attribution: ctx.config.map.attribution,
          geocoding: ctx.config.geocoderUrl !== undefined,
        }),
    );

    app.get(
      '/api/directory/geocode',
      {
        config: { action: 'directory.manage' },
        preHandler: async (request) => geocodeLimit.hit(userOf(request).id),
        schema: {
          tags: adminTags,
          summary:
            'Coordinates for an address from the configured Nominatim-compatible geocoder, best match first; ' +
            'platform admins, rate-limited (404 GEOCODER_OFF without a geocoder, 503 GEOCODER_UNAVAILABLE ' +
            'when it fails or is slow)',
          querystring: GeocodeQuery,
          response: { 200: GeocodeResult, ...errorResponses, 503: ApiError },
        },
      },
      async (request) => geocode(ctx.config, request.query.q, { language: request.locale }),
    );

    app.get(
      '/api/directory/:id',
      {
        ...publicRead,
        schema: {
          operationId: 'getDirectoryEntry',
          tags: publicTags,
          summary: 'One directory entry. No account needed; CORS-open, cacheable (ETag)',
          params: DirectoryEntryParams,
          response: { 200: DirectoryEntry, 304: z.null().describe('Not modified'), ...errorResponses },
        },
      },
      async (request, reply) =>
        answerCacheable(request, reply, presentEntry(await service.getEntry(ctx, request.params.id))),
    );

    app.post(
      '/api/directory',
      {
        config: { action: 'directory.manage' },
        schema: {
          tags: adminTags,
          summary:
            'Add a directory-only entry (an organisation that does not use the platform); platform admins',
          body: DirectoryEntryBody,
          response: { 201: DirectoryEntry, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await service.createEntry(ctx, userOf(request), request.body);
        reply.code(201);
        return presentEntry(row);
      },
    );

    app.patch(
      '/api/directory/:id',
      {
        config: { action: 'directory.manage' },
        schema: {
          tags: adminTags,
          summary: 'Change a directory-only entry; platform admins (mirrored entries change at their source)',
          params: DirectoryEntryParams,
          body: UpdateDirectoryEntryBody,
          response: { 200: DirectoryEntry, ...errorResponses },
        },
      },
      async (request) => presentEntry(await service.updateEntry(ctx, request.params.id, request.body)),
    );

    app.delete(
      '/api/directory/:id',
      {
        config: { action: 'directory.manage' },
        schema: {
          tags: adminTags,
          summary: 'Remove a directory-only entry; platform admins',
          params: DirectoryEntryParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.removeEntry(ctx, request.params.id);
        return reply.code(204).send(null);
      },
    );

    const uploadOf = (request: FastifyRequest): DirectoryUpload => {
      if (Buffer.isBuffer(request.body)) return { format: 'csv', bytes: request.body };
      if (request.headers['content-type']?.startsWith('application/json'))
        return { format: 'json', body: request.body };
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
    };
    const importSchema = (summary: string) => ({
      tags: adminTags,
      summary,
      consumes: ['text/csv', 'application/json'],
      response: { 200: DirectoryImportResult, ...errorResponses },
    });

    app.post(
      '/api/directory/import/preview',
      {
        config: { action: 'directory.manage' },
        bodyLimit: DIRECTORY_IMPORT_MAX_BYTES,
        schema: importSchema(
          'Check a directory file (text/csv, or a JSON array of entries) row by row; saves nothing',
        ),
      },
      async (request) => previewDirectoryImport(uploadOf(request)),
    );

    app.post(
      '/api/directory/import',
      {
        config: { action: 'directory.manage' },
        bodyLimit: DIRECTORY_IMPORT_MAX_BYTES,
        schema: importSchema('Import the valid rows of a directory file as directory-only entries'),
      },
      async (request) => importDirectory(ctx, userOf(request), uploadOf(request)),
    );

    await directoryClaimRoutes(app, ctx, geocodeLimit);
  });
}
