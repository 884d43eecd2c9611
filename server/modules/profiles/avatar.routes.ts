import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AVATAR_MAX_MB, AvatarQuery, Profile, UserIdParams } from '../../../common/contracts/profiles.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { requireAuth } from '../../plugins/request-context.ts';
import { readVisibleAvatar, removeAvatar, uploadAvatar } from './avatar.service.ts';

const tags = ['profiles'];
const UPLOAD_FIELD = 'file';
/** Sent as raw bytes (Fastify does not serialize buffers); typed for the handler and the docs. */
const AvatarImage = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('WebP image, 256×256');

/** The bytes of the `file` part, within the size limit. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  const part = await request.file();
  if (!part || part.fieldname !== UPLOAD_FIELD) {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: [UPLOAD_FIELD], code: 'required', message: translate(request.locale, 'validation.required') },
    ]);
  }
  const tooLarge = () => new AppError('FILE_TOO_LARGE', 413, undefined, { maxMb: AVATAR_MAX_MB });
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  // Over a real socket the limit can strike after the last chunk, and toBuffer then returns the
  // cut-off bytes without throwing; a truncated upload must never be taken for the whole file.
  if (part.file.truncated) throw tooLarge();
  return bytes;
}

/** Avatar upload and download; multipart parsing exists only in this scope. */
export async function avatarRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await fastify.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: true,
      limits: { fileSize: AVATAR_MAX_MB * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });
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
        return uploadAvatar(ctx, user, await readUpload(request));
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
      schema: {
        tags,
        summary: 'A user’s avatar (WebP), under the same visibility rule as the profile',
        params: UserIdParams,
        querystring: AvatarQuery,
        response: { 200: AvatarImage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const image = await readVisibleAvatar(ctx, request.auth?.user ?? null, request.params.id);
      return reply.header('cache-control', 'private, max-age=300').type('image/webp').send(image);
    },
  );
}
