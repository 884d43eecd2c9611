import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { Post, ReactionSummary, Topic, TopicSummary } from '../../../../common/contracts/discussions.ts';
import type { ServerEvents } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { networkSlug } from '../networks/api.ts';
import { cachedPost, discussionKeys, patchPost } from './api.ts';

// Discussion events go to everyone in the network, so what depends on the reader is neutral in
// them (isNew, unreadCount, canEdit, canDelete, bodySource, a reaction's `mine`; a deleted post's
// content). Only what every reader sees alike is written into the cache; the rest is fetched again.

/**
 * An open topic after a title, pin or lock change: the shared fields of the summary, the reader's
 * own (opening post, last read, unread) as they were. Null when the topic must be fetched again:
 * what a reader sees of a deleted topic depends on who they are.
 */
export function mergeTopic(cached: Topic, summary: TopicSummary): Topic | null {
  if (summary.deleted || cached.deleted) return null;
  const { spaceId, title, pinned, locked, replyCount, lastActivityAt } = summary;
  return { ...cached, spaceId, title, pinned, locked, replyCount, lastActivityAt };
}

/**
 * A cached post after an edit: the new HTML, mentions and attachments, the reader's own fields as
 * they were. Null when the post must be fetched again: the author holds the Markdown source, which
 * the event does not carry, and a deleted post shows differently to moderators.
 */
export function mergeEditedPost(cached: Post, edited: Post): Post | null {
  if (cached.deleted || edited.deleted || cached.bodySource !== null) return null;
  const { bodyHtml, mentions, attachments, editedAt } = edited;
  return { ...cached, bodyHtml, mentions, attachments, editedAt };
}

/** The counts of the event with the reader's own `mine` as it was. */
export function mergeReactionCounts(cached: ReactionSummary[], shared: ReactionSummary[]): ReactionSummary[] {
  return shared.map((r) => ({ ...r, mine: cached.find((c) => c.reaction === r.reaction)?.mine ?? false }));
}

const sameCounts = (a: ReactionSummary[], b: ReactionSummary[]) =>
  a.length === b.length && a.every((r, i) => r.reaction === b[i]?.reaction && r.count === b[i]?.count);

/** Keeps topic lists and open topics current; returns the unsubscribe. */
export function connectDiscussions(queryClient: QueryClient): () => void {
  const refresh = (queryKey: QueryKey, exact = false) =>
    void queryClient.invalidateQueries({ queryKey, exact });
  /** Events name the network by id; one this tab never loaded has nothing in the cache. */
  const inNetwork = (networkId: string, update: (slug: string) => void) => {
    const slug = networkSlug(networkId);
    if (slug !== undefined) update(slug);
  };
  /** Fetches again the query that holds a post: the topic (opening post) or its replies. */
  const refreshPost = (slug: string, topicId: string, post: Post) =>
    post.isOpening
      ? refresh(discussionKeys.topic(slug, topicId), true)
      : refresh(discussionKeys.replies(slug, topicId));

  const onTopicUpdated = ({ networkId, topic }: ServerEvents['topic.updated']) =>
    inNetwork(networkId, (slug) => {
      // Lists are ordered by pin and activity, and their counts are the reader's own.
      refresh(discussionKeys.topicLists(slug));
      const key = discussionKeys.topic(slug, topic.id);
      const cached = queryClient.getQueryData<Topic>(key);
      const merged = cached && mergeTopic(cached, topic);
      if (merged) queryClient.setQueryData(key, merged);
      else refresh(key);
    });

  const onReplyUpdated = ({ networkId, topicId, post }: ServerEvents['reply.updated']) =>
    inNetwork(networkId, (slug) => {
      const cached = cachedPost(queryClient, slug, topicId, post.id);
      // Not loaded: it loads as it is now. Same edit time: this tab made the edit and has its answer.
      if (!cached || cached.editedAt === post.editedAt) return;
      const merged = mergeEditedPost(cached, post);
      if (merged) patchPost(queryClient, slug, topicId, post.id, () => merged);
      else refreshPost(slug, topicId, cached);
    });

  const onReactionChanged = ({ networkId, topicId, postId, reactions }: ServerEvents['reaction.changed']) =>
    inNetwork(networkId, (slug) => {
      const cached = cachedPost(queryClient, slug, topicId, postId);
      // Same counts: this tab toggled and already shows the answer.
      if (!cached || sameCounts(cached.reactions, reactions)) return;
      patchPost(queryClient, slug, topicId, postId, (p) => ({
        ...p,
        reactions: mergeReactionCounts(p.reactions, reactions),
      }));
      // Whether the reader's own reaction changed (from another tab of theirs) only a fetch tells.
      refreshPost(slug, topicId, cached);
    });

  const offs = [
    realtime.on('topic.created', ({ networkId }) =>
      inNetwork(networkId, (slug) => refresh(discussionKeys.topicLists(slug))),
    ),
    realtime.on('topic.updated', onTopicUpdated),
    realtime.on('reply.created', ({ networkId, topicId }) =>
      inNetwork(networkId, (slug) => {
        refresh(discussionKeys.topicLists(slug));
        // Whether the reader may edit or delete the new reply is theirs: the replies load again.
        refresh(discussionKeys.replies(slug, topicId));
      }),
    ),
    realtime.on('reply.updated', onReplyUpdated),
    // A deleted post shows differently to moderators and to the others: the topic loads again.
    realtime.on('reply.deleted', ({ networkId, topicId }) =>
      inNetwork(networkId, (slug) => refresh(discussionKeys.topic(slug, topicId))),
    ),
    realtime.on('reaction.changed', onReactionChanged),
  ];
  return () => {
    for (const off of offs) off();
  };
}
