import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_MB, Attachment, AttachmentParams } from '../../../common/contracts/discussions.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { readUpload, registerUploads, UPLOAD_FIELD } from '../../plugins/uploads.ts';
import { contentDisposition } from './attachment-type.ts';
import { readAttachment, uploadAttachment } from './attachments.service.ts';
import { discussionAccess } from './discussion-access.ts';

const tags = ['discussions'];
const FileBytes = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The file as uploaded');

/** Attachment upload (multipart, in its own scope) and access-checked download. */
export async function attachmentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await fastify.register(async (scope) => {
    await registerUploads(scope, ATTACHMENT_MAX_MB);
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
        const attachment = await uploadAttachment(
          ctx,
          network,
          user.id,
          await readUpload(request, ATTACHMENT_MAX_MB),
        );
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
