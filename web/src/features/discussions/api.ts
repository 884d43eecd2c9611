import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  Attachment,
  CreateTopicBody,
  ModerateTopicBody,
  Post,
  Reaction,
  ReactionState,
  ReplyList,
  SpaceList,
  Topic,
  TopicList,
} from '../../../../common/contracts/discussions.ts';
import { api, idempotent, query } from '../../lib/api-client.ts';
import { JUST_ASKED_MS, networkKeys } from '../networks/api.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

/**
 * Query keys of a network's discussions. `topicLists` holds every list of topics (all spaces and
 * each space); `topic` holds one topic and, under it, its replies. Realtime events name the network
 * by id: live.ts finds the slug with networkSlug().
 */
export const discussionKeys = {
  spaces: (slug: string) => [...networkKeys.detail(slug), 'spaces'] as const,
  topicLists: (slug: string) => [...networkKeys.detail(slug), 'topics'] as const,
  /** Topics of one space, or of all (no space). */
  topics: (slug: string, spaceId?: string) => [...discussionKeys.topicLists(slug), spaceId ?? 'all'] as const,
  topic: (slug: string, topicId: string) => [...networkKeys.detail(slug), 'topic', topicId] as const,
  replies: (slug: string, topicId: string) => [...discussionKeys.topic(slug, topicId), 'replies'] as const,
};

export function useSpaces(slug: string) {
  return useQuery({
    queryKey: discussionKeys.spaces(slug),
    queryFn: () => api.get<SpaceList>(`${base(slug)}/spaces`),
  });
}

export function useTopics(slug: string, spaceId?: string) {
  return useInfiniteQuery({
    queryKey: discussionKeys.topics(slug, spaceId),
    queryFn: ({ pageParam }) =>
      api.get<TopicList>(`${base(slug)}/topics${query({ spaceId, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One topic: asked by its page, and at the start of a first load that opens it. */
export const topicQuery = (slug: string, topicId: string) =>
  queryOptions({
    queryKey: discussionKeys.topic(slug, topicId),
    queryFn: () => api.get<Topic>(`${base(slug)}/topics/${encodeURIComponent(topicId)}`),
    // The "new since your last visit" marker is taken once per visit.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useTopic(slug: string, topicId: string) {
  return useQuery(topicQuery(slug, topicId));
}

/** A topic's replies, fifty at a time: asked by its page, and at the start of a first load that opens it. */
export const repliesQuery = (slug: string, topicId: string) =>
  infiniteQueryOptions({
    queryKey: discussionKeys.replies(slug, topicId),
    queryFn: ({ pageParam }) =>
      api.get<ReplyList>(
        `${base(slug)}/topics/${encodeURIComponent(topicId)}/replies${query({ cursor: pageParam, limit: 50 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: JUST_ASKED_MS,
  });

export function useReplies(slug: string, topicId: string) {
  return useInfiniteQuery(repliesQuery(slug, topicId));
}

const topicPath = (slug: string, topicId: string) => `${base(slug)}/topics/${encodeURIComponent(topicId)}`;
const postPath = (slug: string, postId: string) => `${base(slug)}/posts/${encodeURIComponent(postId)}`;

export const createSpace = (slug: string, name: string) =>
  api.post<unknown>(`${base(slug)}/spaces`, { name });
export const startTopic = (slug: string, body: CreateTopicBody) =>
  api.post<Topic>(`${base(slug)}/topics`, body);
export const moderateTopic = (slug: string, topicId: string, body: ModerateTopicBody) =>
  api.put<Topic>(`${topicPath(slug, topicId)}/moderation`, body);
export const markTopicRead = (slug: string, topicId: string) =>
  api.post<unknown>(`${topicPath(slug, topicId)}/read`, {});
/** Sends a reply; the key makes sending it again (from the offline queue) safe. */
export const postReply = (
  slug: string,
  topicId: string,
  body: string,
  attachmentIds: string[],
  idempotencyKey: string,
) =>
  api.post<Post>(`${topicPath(slug, topicId)}/replies`, { body, attachmentIds }, idempotent(idempotencyKey));
export const editPost = (slug: string, postId: string, body: string) =>
  api.patch<Post>(postPath(slug, postId), { body });
export const deletePost = (slug: string, postId: string) => api.delete<Post>(postPath(slug, postId));
export const toggleReaction = (slug: string, postId: string, reaction: Reaction) =>
  api.post<ReactionState>(`${postPath(slug, postId)}/reactions`, { reaction });

export function uploadAttachment(slug: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<Attachment>(`${base(slug)}/attachments`, form);
}

type Replies = InfiniteData<ReplyList, string | undefined>;

/** A post as cached: the topic's opening post or one of its loaded replies. */
export function cachedPost(
  queryClient: QueryClient,
  slug: string,
  topicId: string,
  postId: string,
): Post | undefined {
  const topic = queryClient.getQueryData<Topic>(discussionKeys.topic(slug, topicId));
  if (topic?.opening.id === postId) return topic.opening;
  const replies = queryClient.getQueryData<Replies>(discussionKeys.replies(slug, topicId));
  return replies?.pages.flatMap((p) => p.replies).find((r) => r.id === postId);
}

/** Replaces a post wherever it is cached: the topic's opening post or one of its replies. */
export function patchPost(
  queryClient: QueryClient,
  slug: string,
  topicId: string,
  postId: string,
  patch: (p: Post) => Post,
): void {
  queryClient.setQueryData<Topic>(discussionKeys.topic(slug, topicId), (topic) =>
    topic && topic.opening.id === postId ? { ...topic, opening: patch(topic.opening) } : topic,
  );
  queryClient.setQueryData<Replies>(discussionKeys.replies(slug, topicId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            replies: p.replies.map((r) => (r.id === postId ? patch(r) : r)),
          })),
        }
      : data,
  );
}
