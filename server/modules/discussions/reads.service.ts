import type { ContentReader } from '../../../common/policies/content.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import type { NetworkRow } from '../networks/index.ts';
import { findPost, latestPostId } from './posts.repository.ts';
import { markRead, recountSeen } from './reads.repository.ts';
import { loadTopic } from './topics.service.ts';

/** Moves the reader's "last read" marker to a post of the topic (default: its newest). */
export async function readTopic(
  ctx: AppContext,
  network: NetworkRow,
  reader: ContentReader,
  topicId: string,
  postId: string | undefined,
): Promise<void> {
  const db = ctx.database.db;
  const topic = await loadTopic(ctx, network, reader, topicId);
  let target = postId;
  if (target === undefined) target = await latestPostId(db, topic.id);
  else {
    const post = await findPost(db, network.id, target);
    if (!post || post.topicId !== topic.id) throw notFound();
  }
  if (target) await markRead(db, topic.id, reader.userId, target, isoNow());
}

/**
 * Works out every reader's seen count from the posts as they are (for posts written straight into
 * the tables, as generated data is); writes through this module keep them without it.
 */
export async function recountTopicReads(ctx: Pick<AppContext, 'database'>): Promise<void> {
  await recountSeen(ctx.database.db);
}
