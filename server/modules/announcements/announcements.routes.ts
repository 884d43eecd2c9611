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
import { errorResponses } from '../../plugins/openapi.ts';
import { discussionAccess, POST_BODY_LIMIT_BYTES } from '../discussions/index.ts';
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

  app.get(
    '/api/networks/:slug/announcements',
    {
      schema: {
        tags,
        summary: 'All announcements, newest first',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: AnnouncementList, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = await discussionAccess(ctx, request.auth, request.params.slug, 'discussions.read');
      return getAnnouncements(ctx, network, request.query, false);
    },
  );

  app.get(
    '/api/networks/:slug/announcements/pinned',
    {
      schema: {
        tags,
        summary: 'The announcements pinned on the network home, newest first',
        params: SlugParams,
        querystring: PageQuery,
        response: { 200: AnnouncementList, ...errorResponses },
      },
    },
    async (request) => {
      const { network } = await discussionAccess(ctx, request.auth, request.params.slug, 'discussions.read');
      return getAnnouncements(ctx, network, request.query, true);
    },
  );

  app.post(
    '/api/networks/:slug/announcements',
    {
      bodyLimit: POST_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Post an announcement: pinned, sent live and mailed to every member',
        params: SlugParams,
        body: CreateAnnouncementBody,
        response: { 201: Announcement, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { network, user } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'announcements.post',
      );
      return reply.status(201).send(await postAnnouncement(ctx, network, user, request.body));
    },
  );

  app.patch(
    '/api/networks/:slug/announcements/:announcementId',
    {
      schema: {
        tags,
        summary: 'Pin or unpin an announcement',
        params: AnnouncementParams,
        body: UpdateAnnouncementBody,
        response: { 200: Announcement, ...errorResponses },
      },
    },
    async (request) => {
      const { network, user } = await discussionAccess(
        ctx,
        request.auth,
        request.params.slug,
        'announcements.post',
      );
      return pinAnnouncement(ctx, network, user.id, request.params.announcementId, request.body.pinned);
    },
  );
}
