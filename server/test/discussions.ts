import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { isoNow } from '../lib/time.ts';
import type { RealtimeEvent } from '../platform/realtime/index.ts';
import type { TestClient } from './client.ts';

/** Records every realtime publication from now on; `stop()` unsubscribes. */
export function recordEvents(ctx: AppContext) {
  const events: { room: string; event: RealtimeEvent }[] = [];
  const stop = ctx.realtime.listen((room, event) => events.push({ room, event }));
  return {
    events,
    stop,
    of: (type: string) => events.filter((e) => e.event.type === type),
  };
}

/** The id of a network's default space with the given key. */
export async function spaceId(client: TestClient, slug: string, key = 'questions'): Promise<string> {
  const res = await client.get(`/api/networks/${slug}/spaces`);
  const space = (res.json().spaces as { id: string; key: string | null }[]).find((s) => s.key === key);
  if (!space) throw new Error(`no ${key} space in ${slug}: ${res.body}`);
  return space.id;
}

/** Starts a topic and returns its JSON (fails loudly otherwise). */
export async function startTopic(
  client: TestClient,
  slug: string,
  body: { spaceId: string; title?: string; body?: string; attachmentIds?: string[] },
) {
  const res = await client.post(`/api/networks/${slug}/topics`, {
    title: 'A question about housing',
    body: 'Does anyone know how the housing office works?',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`topic not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Creates a topic with its opening post straight in the database (for fixtures that need one). */
export async function buildTopic(
  ctx: AppContext,
  network: { id: string },
  authorId: string,
  overrides: { title?: string; body?: string } = {},
): Promise<{ topicId: string; spaceId: string; postId: string }> {
  const db = ctx.database.db;
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('networkId', '=', network.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const now = isoNow();
  const body = overrides.body ?? 'A topic made by a test fixture.';
  const topic = {
    id: newId(),
    networkId: network.id,
    spaceId: space.id,
    authorId,
    title: overrides.title ?? 'Fixture topic',
    pinned: 0,
    lockedAt: null,
    deletedAt: null,
    deletedBy: null,
    hiddenAt: null,
    hiddenBy: null,
    replyCount: 0,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const post = {
    id: newId(),
    networkId: network.id,
    topicId: topic.id,
    authorId,
    isOpening: 1,
    bodySource: body,
    bodyHtml: renderMarkdown(body),
    mentions: '[]',
    editedAt: null,
    deletedAt: null,
    deletedBy: null,
    hiddenAt: null,
    hiddenBy: null,
    createdAt: now,
  };
  // Straight into the tables (a module's repository stays private): a topic is its row, its opening
  // post and its author's read state (seen: the opening post, no marker).
  await db.insertInto('topics').values(topic).execute();
  await db.insertInto('posts').values(post).execute();
  await db
    .insertInto('topicReads')
    .values({ topicId: topic.id, userId: authorId, lastReadPostId: '', readAt: now, seenCount: 1 })
    .execute();
  return { topicId: topic.id, spaceId: space.id, postId: post.id };
}
