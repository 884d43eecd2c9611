import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_MB, Attachment, AttachmentParams } from '../../../common/contracts/discussions.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { translate } from '../../lib/i18n.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { contentDisposition } from './attachment-type.ts';
import { readAttachment, uploadAttachment } from './attachments.service.ts';
import { discussionAccess } from './discussion-access.ts';

const tags = ['discussions'];
const UPLOAD_FIELD = 'file';
const FileBytes = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The file as uploaded');

/** The `file` part's name and bytes, within the size limit. */
async function readUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  const part = await request.file();
  if (!part || part.fieldname !== UPLOAD_FIELD) {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', 400, [
      { path: [UPLOAD_FIELD], code: 'required', message: translate(request.locale, 'validation.required') },
    ]);
  }
  const tooLarge = () => new AppError('FILE_TOO_LARGE', 413, undefined, { maxMb: ATTACHMENT_MAX_MB });
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  // A truncated upload must never be taken for the whole file (see avatar.routes.ts).
  if (part.file.truncated) throw tooLarge();
  return { fileName: part.filename, bytes };
}

/** Attachment upload (multipart, in its own scope) and access-checked download. */
export async function attachmentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await fastify.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: true,
      limits: { fileSize: ATTACHMENT_MAX_MB * 1024 * 1024, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/networks/:slug/attachments',
      {
        schema: {
          tags,
          summary: `Upload an attachment (multipart field "${UPLOAD_FIELD}"; images, PDF, office documents or plain text up to ${ATTACHMENT_MAX_MB} MB), then pass its id with the post`,
          consumes: ['multipart/form-data'],
          params: SlugParams,
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { network, user } = await discussionAccess(
          ctx,
          request.auth,
          request.params.slug,
          'discussions.write',
        );
        const attachment = await uploadAttachment(ctx, network, user.id, await readUpload(request));
        return reply.status(201).send(attachment);
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/networks/:slug/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (for those who may read its post)',
        params: AttachmentParams,
        response: { 200: FileBytes, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network, reader } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'discussions.read',
      );
      const { row, bytes } = await readAttachment(ctx, network, reader, request.params.attachmentId);
      const inline = row.contentType.startsWith('image/');
      return reply
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', row.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .type(row.contentType)
        .send(bytes);
    },
  );
}
