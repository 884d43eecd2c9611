import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AVATAR_MAX_MB, AvatarQuery, Profile, UserIdParams } from '../../../common/contracts/profiles.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { readUpload, registerUploads, sendFile, UPLOAD_FIELD } from '../../platform/files/index.ts';
import { requireAuth } from '../../platform/sessions/index.ts';
import { readVisibleAvatar, removeAvatar, uploadAvatar } from './avatar.service.ts';

const tags = ['profiles'];
/** Sent as raw bytes (Fastify does not serialize buffers); typed for the handler and the docs. */
const AvatarImage = z
  .custom<Buffer | Readable>((value) => Buffer.isBuffer(value) || value instanceof Readable)
  .describe('WebP image, 256×256');

/** Avatar upload and download; multipart parsing exists only in this scope. */
export async function avatarRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await fastify.register(async (scope) => {
    await registerUploads(scope, AVATAR_MAX_MB);
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.put(
      '/api/me/avatar',
      {
        schema: {
          tags,
          summary: `Upload an avatar (multipart field "${UPLOAD_FIELD}"; JPEG, PNG or WebP up to ${AVATAR_MAX_MB} MB)`,
          consumes: ['multipart/form-data'],
          response: { 200: Profile, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireAuth(request).user;
        return uploadAvatar(ctx, user, (await readUpload(request, AVATAR_MAX_MB)).bytes);
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.delete(
    '/api/me/avatar',
    { schema: { tags, summary: 'Remove the avatar', response: { 200: Profile, ...errorResponses } } },
    async (request) => removeAvatar(ctx, requireAuth(request).user),
  );

  app.get(
    '/api/users/:id/avatar',
    {
      config: { access: 'optional' },
      schema: {
        tags,
        summary: 'A user’s avatar (WebP), under the same visibility rule as the profile',
        params: UserIdParams,
        querystring: AvatarQuery,
        response: { 200: AvatarImage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const cacheControl = 'private, max-age=300';
      const image = await readVisibleAvatar(ctx, request.auth?.user ?? null, request.params.id, cacheControl);
      return sendFile(reply.header('cache-control', cacheControl).type('image/webp'), image);
    },
  );
}
