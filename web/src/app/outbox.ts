import type { QueryClient } from '@tanstack/react-query';
import type { Post } from '../../../common/contracts/discussions.ts';
import type { Message } from '../../../common/contracts/messages.ts';
import { discussionKeys, postReply } from '../features/discussions/api.ts';
import { type ChatMessage, mergeMessage, postMessage } from '../features/messages/api.ts';
import { ApiError, isApiError } from '../lib/api-client.ts';

/**
 * The outbox: replies and messages are sent through mutations with these keys. Written offline,
 * they wait (paused) until the browser is back online; they are kept with the offline cache
 * (offline-cache.ts), so a reload or a closed tab does not lose them, and each carries an
 * idempotency key, so that sending one again after a lost answer never stores it twice.
 */
export const outboxKeys = {
  all: ['outbox'] as const,
  reply: ['outbox', 'reply'] as const,
  message: ['outbox', 'message'] as const,
};

/**
 * Replies to one topic go one after the other, in the order written, and so do the messages of one
 * conversation; different topics and conversations do not wait for each other.
 */
export const outboxScope = (kind: 'reply' | 'message', id: string) => ({ id: `outbox:${kind}:${id}` });

/** A reply waiting in the outbox. */
export interface QueuedReply {
  slug: string;
  topicId: string;
  body: string;
  attachmentIds: string[];
  /** The idempotency key. */
  key: string;
}

/** Whether the outbox tries again: on network trouble and while the server still handles a first copy; never on a refusal. */
export function shouldRetrySending(failureCount: number, error: unknown): boolean {
  if (failureCount >= 20) return false;
  if (!(error instanceof ApiError)) return true;
  return error.code === 'NETWORK_ERROR' || error.code === 'IDEMPOTENCY_KEY_IN_USE' || error.status >= 500;
}

const retryDelay = (failureCount: number) => Math.min(1_000 * 2 ** failureCount, 30_000);

/** Tells the query client how to send what is in the outbox, also after a reload (when no page's code is around). */
export function registerOutbox(queryClient: QueryClient): void {
  queryClient.setMutationDefaults(outboxKeys.reply, {
    mutationFn: (r: QueuedReply) => postReply(r.slug, r.topicId, r.body, r.attachmentIds, r.key),
    retry: shouldRetrySending,
    retryDelay,
    onSuccess: (_post: Post, r: QueuedReply) => {
      void queryClient.invalidateQueries({ queryKey: discussionKeys.replies(r.slug, r.topicId) });
      void queryClient.invalidateQueries({ queryKey: discussionKeys.topicLists(r.slug) });
    },
    onError: (error: unknown, r: QueuedReply) => {
      if (isApiError(error, 'TOPIC_LOCKED'))
        void queryClient.invalidateQueries({ queryKey: discussionKeys.topic(r.slug, r.topicId) });
    },
  });
  queryClient.setMutationDefaults(outboxKeys.message, {
    mutationFn: (m: ChatMessage) => postMessage(m.conversationId, m.body, m.clientId),
    retry: shouldRetrySending,
    retryDelay,
    onMutate: (m: ChatMessage) => {
      mergeMessage(queryClient, { ...m, pending: 'sending' });
    },
    onSuccess: (message: Message) => {
      mergeMessage(queryClient, message);
    },
    onError: (_error: unknown, m: ChatMessage) => {
      mergeMessage(queryClient, { ...m, pending: 'failed' });
    },
  });
}

/**
 * Sends what the outbox held when the page was closed: the mutations the offline cache brought back.
 * Those that were paused continue when online; those that were on their way when the page closed
 * are sent again (the idempotency key makes that safe).
 */
export function resumeOutbox(queryClient: QueryClient): void {
  for (const mutation of queryClient.getMutationCache().getAll()) {
    if (isOutbox(mutation) && mutation.state.status === 'pending') void mutation.continue().catch(() => {});
  }
}

export function isOutbox(mutation: { options: { mutationKey?: readonly unknown[] } }): boolean {
  return mutation.options.mutationKey?.[0] === outboxKeys.all[0];
}
