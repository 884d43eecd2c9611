import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Announcement,
  AnnouncementList,
  AnnouncementParams,
  CreateAnnouncementBody,
  UpdateAnnouncementBody,
} from '../../../common/contracts/discussions.ts';
import { PageQuery, SlugParams } from '../../../common/contracts/networks.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../errors.ts';
import { POST_BODY_LIMIT_BYTES } from '../discussions/index.ts';
import { requireUser } from '../networks/index.ts';
import { presentAnnouncement, presentAnnouncementList } from './announcements.presenter.ts';
import {
  getAnnouncements,
  pinAnnouncement,
  postAnnouncement,
  registerAnnouncementJobs,
} from './announcements.service.ts';

const tags = ['announcements'];

/** Announcements (PRODUCT C2): posted by meta-mentors and the office, pinned on the network home, mailed to all. */
export async function announcementRoutes(fastify: FastifyInstance, ctx: AppContext) {
  registerAnnouncementJobs(ctx);
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  const lists = [
    {
      url: '/api/networks/:slug/announcements',
      summary: 'All announcements, newest first',
      pinnedOnly: false,
    },
    {
      url: '/api/networks/:slug/announcements/pinned',
      summary: 'The announcements pinned on the network home, newest first',
      pinnedOnly: true,
    },
  ];
  for (const { url, summary, pinnedOnly } of lists) {
    app.get(
      url,
      {
        config: { action: 'discussions.read' },
        schema: {
          tags,
          summary,
          params: SlugParams,
          querystring: PageQuery,
          response: { 200: AnnouncementList, ...errorResponses },
        },
      },
      async (request) =>
        presentAnnouncementList(
          await getAnnouncements(ctx, request.network.network, request.query, pinnedOnly),
          request.network.network.id,
        ),
    );
  }

  app.post(
    '/api/networks/:slug/announcements',
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      config: { action: 'announcements.post' },
      schema: {
        tags,
        summary: 'Post an announcement: pinned, sent live and mailed to every member',
        params: SlugParams,
        body: CreateAnnouncementBody,
        response: { 201: Announcement, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network } = request.network;
      const row = await postAnnouncement(ctx, network, requireUser(request.network), request.body);
      return reply.status(201).send(presentAnnouncement(row));
    },
  );

  app.patch(
    '/api/networks/:slug/announcements/:announcementId',
    {
      config: { action: 'announcements.post' },
      schema: {
        tags,
        summary: 'Pin or unpin an announcement',
        params: AnnouncementParams,
        body: UpdateAnnouncementBody,
        response: { 200: Announcement, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = request.network;
      const { announcementId } = request.params;
      const actorId = requireUser(request.network).id;
      return presentAnnouncement(
        await pinAnnouncement(ctx, network, actorId, announcementId, request.body.pinned),
      );
    },
  );
}
