import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_MB, Attachment, AttachmentParams } from '../../../common/contracts/discussions.ts';
import { SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { readUpload, registerUploads, sendFile, UPLOAD_FIELD } from '../../platform/files/index.ts';
import { requireUser } from '../networks/index.ts';
import { contentDisposition } from './attachment-type.ts';
import { readAttachment, uploadAttachment } from './attachments.service.ts';
import { readerOf } from './discussion-reader.ts';
import { presentAttachment } from './discussions.presenter.ts';

const tags = ['discussions'];
const FileBytes = z
  .custom<Buffer | Readable>((value) => Buffer.isBuffer(value) || value instanceof Readable)
  .describe('The file as uploaded');

/** Images open in the browser, anything else downloads (also on a signed S3 URL). */
function downloadHeaders(row: { contentType: string; fileName: string }) {
  const inline = row.contentType.startsWith('image/');
  return {
    contentType: row.contentType,
    contentDisposition: contentDisposition(inline ? 'inline' : 'attachment', row.fileName),
    cacheControl: 'private, max-age=300',
  };
}

/** Attachment upload (multipart, in its own scope) and access-checked download. */
export async function attachmentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  await fastify.register(async (scope) => {
    await registerUploads(scope, ATTACHMENT_MAX_MB);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/networks/:slug/attachments',
      {
        config: { action: 'discussions.write' },
        schema: {
          tags,
          summary: `Upload an attachment (multipart field "${UPLOAD_FIELD}"; images, PDF, office documents or plain text up to ${ATTACHMENT_MAX_MB} MB), then pass its id with the post`,
          consumes: ['multipart/form-data'],
          params: SlugParams,
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { network } = request.network;
        const uploaderId = requireUser(request.network).id;
        const upload = await readUpload(request, ATTACHMENT_MAX_MB);
        const row = await uploadAttachment(ctx, network, uploaderId, upload);
        return reply.status(201).send(presentAttachment(network.slug, row));
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/networks/:slug/attachments/:attachmentId',
    {
      config: { action: 'discussions.read' },
      schema: {
        tags,
        summary: 'Download an attachment (for those who may read its post)',
        params: AttachmentParams,
        response: { 200: FileBytes, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network } = request.network;
      const { attachmentId } = request.params;
      const { row, file } = await readAttachment(
        ctx,
        network,
        readerOf(request.network),
        attachmentId,
        downloadHeaders,
      );
      reply
        .header('content-disposition', downloadHeaders(row).contentDisposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=300')
        .type(row.contentType);
      return sendFile(reply, file);
    },
  );
}
