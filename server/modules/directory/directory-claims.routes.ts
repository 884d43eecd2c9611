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
} from '../../../common/contracts/directory.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses, unauthenticated } from '../../errors.ts';
import { presentClaim } from './directory.presenter.ts';
import * as service from './directory.service.ts';

const tags = ['directory administration'];

function userOf(request: FastifyRequest) {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

/** An organisation's place in the directory: being listed, and claiming a curated entry. */
export async function directoryClaimRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/organisations/:slug/directory-listing',
    {
      config: { action: 'organisation.edit' },
      schema: {
        tags,
        summary: 'Whether the organisation is listed in the public directory; its admins',
        params: SlugParams,
        response: { 200: DirectoryListing, ...errorResponses },
      },
    },
    async (request) => ({ listed: await service.getListing(ctx, request.organisation.organisation) }),
  );

  app.put(
    '/api/organisations/:slug/directory-listing',
    {
      config: { action: 'organisation.edit' },
      schema: {
        tags,
        summary: 'List the organisation in the public directory, or take it out; its admins',
        params: SlugParams,
        body: DirectoryListingBody,
        response: { 200: DirectoryListing, ...errorResponses },
      },
    },
    async (request) => ({
      listed: await service.setListing(ctx, request.organisation.organisation, request.body.listed),
    }),
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
