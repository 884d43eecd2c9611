import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import { postRoutes } from './posts.routes.ts';
import { readRoutes } from './reads.routes.ts';
import { spaceRoutes } from './spaces.routes.ts';
import { topicRoutes } from './topics.routes.ts';

/** Discussions (PRODUCT C1): spaces, topics, replies, reactions, read markers, attachments. */
export async function discussionRoutes(app: FastifyInstance, ctx: AppContext) {
  await spaceRoutes(app, ctx);
  await topicRoutes(app, ctx);
  await postRoutes(app, ctx);
  await readRoutes(app, ctx);
  await attachmentRoutes(app, ctx);
}
