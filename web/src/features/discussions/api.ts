import { type InfiniteData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Announcement,
  AnnouncementList,
  Attachment,
  CreateAnnouncementBody,
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
import { api, query } from '../../lib/api-client.ts';

const base = (slug: string) => `/networks/${encodeURIComponent(slug)}`;

export const spacesKey = (slug: string) => ['network', slug, 'spaces'] as const;
export const topicsKey = (slug: string, spaceId?: string) =>
  ['network', slug, 'topics', spaceId ?? 'all'] as const;
export const topicKey = (slug: string, topicId: string) => ['network', slug, 'topic', topicId] as const;
export const repliesKey = (slug: string, topicId: string) =>
  ['network', slug, 'topic', topicId, 'replies'] as const;
export const pinnedKey = (slug: string) => ['network', slug, 'announcements', 'pinned'] as const;

export function useSpaces(slug: string) {
  return useQuery({ queryKey: spacesKey(slug), queryFn: () => api.get<SpaceList>(`${base(slug)}/spaces`) });
}

export function useTopics(slug: string, spaceId?: string) {
  return useInfiniteQuery({
    queryKey: topicsKey(slug, spaceId),
    queryFn: ({ pageParam }) =>
      api.get<TopicList>(`${base(slug)}/topics${query({ spaceId, cursor: pageParam, limit: 20 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTopic(slug: string, topicId: string) {
  return useQuery({
    queryKey: topicKey(slug, topicId),
    queryFn: () => api.get<Topic>(`${base(slug)}/topics/${encodeURIComponent(topicId)}`),
    // The "new since your last visit" marker is taken once per visit.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useReplies(slug: string, topicId: string) {
  return useInfiniteQuery({
    queryKey: repliesKey(slug, topicId),
    queryFn: ({ pageParam }) =>
      api.get<ReplyList>(
        `${base(slug)}/topics/${encodeURIComponent(topicId)}/replies${query({ cursor: pageParam, limit: 50 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
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
export const postReply = (slug: string, topicId: string, body: string, attachmentIds: string[]) =>
  api.post<Post>(`${topicPath(slug, topicId)}/replies`, { body, attachmentIds });
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

/** Replaces a post wherever it is cached: the topic's opening post or one of its replies. */
export function patchPost(
  queryClient: QueryClient,
  slug: string,
  topicId: string,
  postId: string,
  patch: (p: Post) => Post,
): void {
  queryClient.setQueryData<Topic>(topicKey(slug, topicId), (topic) =>
    topic && topic.opening.id === postId ? { ...topic, opening: patch(topic.opening) } : topic,
  );
  queryClient.setQueryData<InfiniteData<ReplyList, string | undefined>>(repliesKey(slug, topicId), (data) =>
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

// Announcements
export function usePinnedAnnouncements(slug: string) {
  return useQuery({
    queryKey: pinnedKey(slug),
    queryFn: () => api.get<AnnouncementList>(`${base(slug)}/announcements/pinned`),
  });
}
export const postAnnouncement = (slug: string, body: CreateAnnouncementBody) =>
  api.post<Announcement>(`${base(slug)}/announcements`, body);
export const pinAnnouncement = (slug: string, id: string, pinned: boolean) =>
  api.patch<Announcement>(`${base(slug)}/announcements/${encodeURIComponent(id)}`, { pinned });
