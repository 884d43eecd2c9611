import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlugParams } from '../../../common/contracts/networks.ts';
import {
  Directory,
  DirectoryQuery,
  Profile,
  UpdateProfileBody,
  UserIdParams,
} from '../../../common/contracts/profiles.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { avatarRoutes } from './avatar.routes.ts';
import { listDirectory } from './directory.service.ts';
import { getOwnProfile, getVisibleProfile, updateOwnProfile } from './profiles.service.ts';

const tags = ['profiles'];

/** Profiles, avatars and the member directory of a network. */
export async function profileRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/me/profile',
    {
      schema: {
        tags,
        summary: 'The signed-in user’s profile',
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (request) => getOwnProfile(ctx, requireAuth(request).user),
  );

  app.put(
    '/api/me/profile',
    {
      schema: {
        tags,
        summary: 'Replace the signed-in user’s profile (the avatar is kept)',
        body: UpdateProfileBody,
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (request) => updateOwnProfile(ctx, requireAuth(request).user, request.body),
  );

  app.get(
    '/api/users/:id/profile',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'A user’s profile, as far as its visibility allows (404 otherwise)',
        params: UserIdParams,
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (request) => getVisibleProfile(ctx, request.auth?.user ?? null, request.params.id),
  );

  app.get(
    '/api/networks/:slug/directory',
    {
      config: { action: 'members.view' },
      schema: {
        tags,
        summary: 'Active members of a network with their profiles; filters combine',
        params: SlugParams,
        querystring: DirectoryQuery,
        response: { 200: Directory, ...errorResponses },
      },
    },
    async (request) => listDirectory(ctx, request.network.network, request.query),
  );

  await avatarRoutes(app, ctx);
}
