import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DIRECTORY_CLAIM_STATUSES,
  DirectoryClaim,
  DirectoryClaimBody,
  DirectoryClaimDecisionBody,
  DirectoryClaimList,
  DirectoryClaimParams,
  DirectoryListing,
  DirectoryListingBody,
  GeocodeQuery,
  GeocodeResult,
} from '../../../common/contracts/directory.ts';
import { ApiError } from '../../../common/contracts/api-error.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses, unauthenticated } from '../../errors.ts';
import { presentClaim } from './directory.presenter.ts';
import * as service from './directory.service.ts';
import { geocode } from './geocoder.ts';
import type { createPublicReadLimit } from './public-read-limit.ts';

const tags = ['directory administration'];

function userOf(request: FastifyRequest) {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

/**
 * An organisation's place in the directory: being listed, where it is, and claiming a curated
 * entry. `geocodeLimit` is the address lookups' limit per person, shared with the admins' lookups.
 */
export async function directoryClaimRoutes(
  fastify: FastifyInstance,
  ctx: AppContext,
  geocodeLimit: ReturnType<typeof createPublicReadLimit>,
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/organisations/:slug/directory-listing',
    {
      config: { action: 'organisation.edit' },
      schema: {
        tags,
        summary: 'Whether the organisation is listed in the public directory, and where it is; its admins',
        params: SlugParams,
        response: { 200: DirectoryListing, ...errorResponses },
      },
    },
    async (request) => service.getListing(ctx, request.organisation.organisation),
  );

  app.put(
    '/api/organisations/:slug/directory-listing',
    {
      config: { action: 'organisation.edit' },
      schema: {
        tags,
        summary:
          'List the organisation in the public directory or take it out, and set or clear where it is ' +
          '(both coordinates or neither; its entry then shows on the map); what is left out stays; its admins',
        params: SlugParams,
        body: DirectoryListingBody,
        response: { 200: DirectoryListing, ...errorResponses },
      },
    },
    async (request) => service.setListing(ctx, request.organisation.organisation, request.body),
  );

  app.get(
    '/api/organisations/:slug/geocode',
    {
      config: { action: 'organisation.edit' },
      preHandler: async (request) => geocodeLimit.hit(userOf(request).id),
      schema: {
        tags,
        summary:
          'Coordinates for the organisation’s address from the configured geocoder, best match first; its ' +
          'admins, rate-limited (404 GEOCODER_OFF without a geocoder, 503 GEOCODER_UNAVAILABLE when it fails)',
        params: SlugParams,
        querystring: GeocodeQuery,
        response: { 200: GeocodeResult, ...errorResponses, 503: ApiError },
      },
    },
    async (request) => geocode(ctx.config, request.query.q, { language: request.locale }),
  );

  app.post(
    '/api/organisations/:slug/directory-claims',
    {
      config: { action: 'organisation.edit' },
      schema: {
        tags,
        summary: 'Claim a directory-only entry as the organisation’s own; a platform admin decides',
        params: SlugParams,
        body: DirectoryClaimBody,
        response: { 201: DirectoryClaim, ...errorResponses },
      },
    },
    async (request, reply) => {
      const claim = await service.claimEntry(
        ctx,
        request.organisation.organisation,
        userOf(request),
        request.body.entryId,
      );
      reply.code(201);
      return presentClaim(claim);
    },
  );

  app.get(
    '/api/directory/claims',
    {
      config: { action: 'directory.manage' },
      schema: {
        tags,
        summary: 'Claims of directory entries, newest first (pending ones unless a status is asked for)',
        querystring: z.strictObject({ status: z.enum(DIRECTORY_CLAIM_STATUSES).default('pending') }),
        response: { 200: DirectoryClaimList, ...errorResponses },
      },
    },
    async (request) => ({
      claims: (await service.listClaims(ctx, request.query.status)).map(presentClaim),
    }),
  );

  app.post(
    '/api/directory/claims/:id/decision',
    {
      config: { action: 'directory.manage' },
      schema: {
        tags,
        summary: 'Approve a pending claim (the entry becomes the organisation’s) or decline it',
        params: DirectoryClaimParams,
        body: DirectoryClaimDecisionBody,
        response: { 200: DirectoryClaim, ...errorResponses },
      },
    },
    async (request) =>
      presentClaim(await service.decideClaim(ctx, userOf(request), request.params.id, request.body.approve)),
  );
}
