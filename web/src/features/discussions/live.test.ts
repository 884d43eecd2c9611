import { type InfiniteData, QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post, ReplyList, Topic, TopicList } from '../../../../common/contracts/discussions.ts';
import type { Network } from '../../../../common/contracts/networks.ts';
import type { ServerEvents, ServerEventType } from '../../../../common/realtime-events.ts';
import { realtime } from '../../lib/realtime.ts';
import { storeNetwork } from '../networks/api.ts';
import { discussionKeys } from './api.ts';
import { connectDiscussions, mergeEditedPost, mergeReactionCounts, mergeTopic } from './live.ts';

/** Hands an event to the subscribers as if the socket had received it. */
function emit<K extends ServerEventType>(type: K, data: ServerEvents[K]): void {
  (realtime as unknown as { emit(type: string, data: unknown): void }).emit(type, data);
}

const post = (over: Partial<Post> = {}): Post => ({
  id: 'p1',
  topicId: 't1',
  isOpening: false,
  author: { id: 'u2', displayName: 'Bea', formerMember: false },
  bodySource: null,
  bodyHtml: '<p>old</p>',
  mentions: [],
  attachments: [],
  reactions: [],
  createdAt: '2025-01-01T10:00:00Z',
  editedAt: null,
  deleted: false,
  deletedAt: null,
  hidden: false,
  authorBlocked: false,
  canEdit: false,
  canDelete: true,
  ...over,
});

const topic = (over: Partial<Topic> = {}): Topic => ({
  id: 't1',
  spaceId: 's1',
  title: 'Housing',
  author: { id: 'u2', displayName: 'Bea', formerMember: false },
  pinned: false,
  locked: false,
  deleted: false,
  hidden: false,
  replyCount: 1,
  lastActivityAt: '2025-01-01T10:00:00Z',
  createdAt: '2025-01-01T09:00:00Z',
  isNew: false,
  unreadCount: 3,
  opening: post({ id: 'p0', isOpening: true }),
  lastReadPostId: 'p0',
  ...over,
});

const summary = (t: Topic) => {
  const { opening: _opening, lastReadPostId: _last, ...rest } = t;
  return { ...rest, isNew: false, unreadCount: 0 };
};

const replies = (...list: Post[]): InfiniteData<ReplyList, string | undefined> => ({
  pages: [{ replies: list, nextCursor: null }],
  pageParams: [undefined],
});
const noTopics: TopicList = { topics: [], nextCursor: null };

describe('discussion events in the cache', () => {
  let queryClient: QueryClient;
  let off: () => void;
  const invalidated = (key: QueryKey) => queryClient.getQueryState(key)?.isInvalidated ?? false;

  beforeEach(() => {
    queryClient = new QueryClient();
    storeNetwork(queryClient, { id: 'n1', slug: 'berlin' } as Network);
    storeNetwork(queryClient, { id: 'n2', slug: 'vienna' } as Network);
    for (const slug of ['berlin', 'vienna']) {
      queryClient.setQueryData(discussionKeys.topics(slug), { pages: [noTopics], pageParams: [undefined] });
      queryClient.setQueryData(discussionKeys.topics(slug, 's1'), {
        pages: [noTopics],
        pageParams: [undefined],
      });
    }
    queryClient.setQueryData(discussionKeys.topic('berlin', 't1'), topic());
    queryClient.setQueryData(discussionKeys.replies('berlin', 't1'), replies(post()));
    off = connectDiscussions(queryClient);
  });
  afterEach(() => off());

  it('refreshes the topic lists of the network the event names, and only those', () => {
    emit('topic.created', { networkId: 'n1', topic: summary(topic({ id: 't2' })) });
    expect(invalidated(discussionKeys.topics('berlin'))).toBe(true);
    expect(invalidated(discussionKeys.topics('berlin', 's1'))).toBe(true);
    expect(invalidated(discussionKeys.topics('vienna'))).toBe(false);
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(false);
  });

  it('ignores networks this tab never loaded', () => {
    emit('topic.created', { networkId: 'n9', topic: summary(topic({ id: 't9' })) });
    emit('reply.deleted', { networkId: 'n9', topicId: 't1', postId: 'p1' });
    expect(invalidated(discussionKeys.topics('berlin'))).toBe(false);
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(false);
  });

  it('writes a pin or lock into the open topic and keeps what is the reader’s', () => {
    emit('topic.updated', { networkId: 'n1', topic: summary(topic({ pinned: true, locked: true })) });
    const cached = queryClient.getQueryData<Topic>(discussionKeys.topic('berlin', 't1'));
    expect(cached).toMatchObject({ pinned: true, locked: true, unreadCount: 3, lastReadPostId: 'p0' });
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(false);
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(false);
    expect(invalidated(discussionKeys.topics('berlin'))).toBe(true);
  });

  it('fetches a deleted topic and its replies again', () => {
    emit('topic.updated', { networkId: 'n1', topic: summary(topic({ deleted: true, title: null })) });
    expect(queryClient.getQueryData<Topic>(discussionKeys.topic('berlin', 't1'))?.title).toBe('Housing');
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(true);
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(true);
  });

  it('refreshes the replies and the lists on a new reply', () => {
    emit('reply.created', { networkId: 'n1', topicId: 't1', post: post({ id: 'p2' }) });
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(true);
    expect(invalidated(discussionKeys.topics('berlin'))).toBe(true);
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(false);
  });

  it('writes another member’s edit into the cache without fetching', () => {
    const edited = post({ bodyHtml: '<p>new</p>', editedAt: '2025-01-02T10:00:00Z', canDelete: false });
    emit('reply.updated', { networkId: 'n1', topicId: 't1', post: edited });
    const data = queryClient.getQueryData<InfiniteData<ReplyList>>(discussionKeys.replies('berlin', 't1'));
    expect(data?.pages[0]?.replies[0]).toMatchObject({ bodyHtml: '<p>new</p>', canDelete: true });
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(false);
  });

  it('fetches the author’s own post again after an edit elsewhere (the event has no source)', () => {
    queryClient.setQueryData(
      discussionKeys.replies('berlin', 't1'),
      replies(post({ bodySource: 'old', canEdit: true })),
    );
    emit('reply.updated', {
      networkId: 'n1',
      topicId: 't1',
      post: post({ bodyHtml: '<p>new</p>', editedAt: '2025-01-02T10:00:00Z' }),
    });
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(true);
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(false);
  });

  it('writes an edit of the opening post into the topic', () => {
    const edited = post({
      id: 'p0',
      isOpening: true,
      bodyHtml: '<p>new</p>',
      editedAt: '2025-01-02T10:00:00Z',
    });
    emit('reply.updated', { networkId: 'n1', topicId: 't1', post: edited });
    expect(queryClient.getQueryData<Topic>(discussionKeys.topic('berlin', 't1'))?.opening.bodyHtml).toBe(
      '<p>new</p>',
    );
  });

  it('shows new reaction counts at once and asks which are the reader’s', () => {
    queryClient.setQueryData(
      discussionKeys.replies('berlin', 't1'),
      replies(post({ reactions: [{ reaction: 'like', count: 1, mine: true }] })),
    );
    emit('reaction.changed', {
      networkId: 'n1',
      topicId: 't1',
      postId: 'p1',
      reactions: [
        { reaction: 'like', count: 2, mine: false },
        { reaction: 'heart', count: 1, mine: false },
      ],
    });
    const data = queryClient.getQueryData<InfiniteData<ReplyList>>(discussionKeys.replies('berlin', 't1'));
    expect(data?.pages[0]?.replies[0]?.reactions).toEqual([
      { reaction: 'like', count: 2, mine: true },
      { reaction: 'heart', count: 1, mine: false },
    ]);
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(true);
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(false);
  });

  it('leaves a reaction this tab made alone', () => {
    queryClient.setQueryData(
      discussionKeys.replies('berlin', 't1'),
      replies(post({ reactions: [{ reaction: 'like', count: 1, mine: true }] })),
    );
    emit('reaction.changed', {
      networkId: 'n1',
      topicId: 't1',
      postId: 'p1',
      reactions: [{ reaction: 'like', count: 1, mine: false }],
    });
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(false);
  });

  it('fetches the topic again when a post is deleted', () => {
    emit('reply.deleted', { networkId: 'n1', topicId: 't1', postId: 'p1' });
    expect(invalidated(discussionKeys.topic('berlin', 't1'))).toBe(true);
    expect(invalidated(discussionKeys.replies('berlin', 't1'))).toBe(true);
  });
});

describe('merging shared fields', () => {
  it('keeps the reader’s fields of a topic', () => {
    const merged = mergeTopic(topic(), summary(topic({ title: 'Flats', replyCount: 4 })));
    expect(merged).toMatchObject({ title: 'Flats', replyCount: 4, unreadCount: 3, lastReadPostId: 'p0' });
    expect(mergeTopic(topic({ deleted: true }), summary(topic()))).toBeNull();
  });

  it('keeps the reader’s fields of a post, and gives up on deleted and own posts', () => {
    const edited = post({ bodyHtml: '<p>x</p>', canDelete: false, editedAt: 'now' });
    expect(mergeEditedPost(post(), edited)).toMatchObject({ bodyHtml: '<p>x</p>', canDelete: true });
    expect(mergeEditedPost(post({ deleted: true }), edited)).toBeNull();
    expect(mergeEditedPost(post({ bodySource: 'mine' }), edited)).toBeNull();
  });

  it('takes counts from the event and `mine` from the cache', () => {
    expect(
      mergeReactionCounts(
        [{ reaction: 'heart', count: 3, mine: true }],
        [{ reaction: 'heart', count: 2, mine: false }],
      ),
    ).toEqual([{ reaction: 'heart', count: 2, mine: true }]);
  });
});
