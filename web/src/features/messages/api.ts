import { type InfiniteData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Conversation,
  ConversationList,
  CreateGroupBody,
  Message,
  MessagePage,
  ReadState,
  UnreadCounts,
} from '../../../../common/contracts/messages.ts';
import { api, idempotent, query } from '../../lib/api-client.ts';
import { authKeys } from '../auth/api.ts';

/** A message as the chat shows it: sent, or still on its way from this tab (optimistic). */
export type ChatMessage = Message & { pending?: 'sending' | 'failed' };
type ChatMessagePage = Omit<MessagePage, 'messages'> & { messages: ChatMessage[] };
export type History = InfiniteData<ChatMessagePage, string | undefined>;

/** Query keys of the signed-in user's conversations. */
export const messageKeys = {
  /** The list of conversations, newest activity first. */
  conversations: [...authKeys.me, 'conversations'] as const,
  /** Every open conversation and its history. */
  conversationDetails: [...authKeys.me, 'conversation'] as const,
  conversation: (id: string) => [...messageKeys.conversationDetails, id] as const,
  history: (id: string) => [...messageKeys.conversation(id), 'history'] as const,
  unread: [...authKeys.me, 'messages', 'unread'] as const,
};

export function useConversations() {
  return useInfiniteQuery({
    queryKey: messageKeys.conversations,
    queryFn: ({ pageParam }) =>
      api.get<ConversationList>(`/conversations${query({ cursor: pageParam, limit: 30 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: messageKeys.conversation(id),
    queryFn: () => api.get<Conversation>(`/conversations/${encodeURIComponent(id)}`),
  });
}

/** History newest first, page by page: older pages are fetched when the reader scrolls up. */
export function useHistory(id: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.history(id),
    queryFn: ({ pageParam }) =>
      api.get<ChatMessagePage>(
        `/conversations/${encodeURIComponent(id)}/messages${query({ cursor: pageParam, limit: 30 })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnreadMessages(enabled: boolean) {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: () => api.get<UnreadCounts>('/messages/unread'),
    enabled,
  });
}

export const openDirect = (userId: string) => api.post<Conversation>('/conversations/direct', { userId });
export const createGroup = (body: CreateGroupBody) => api.post<Conversation>('/conversations/group', body);
export const addParticipants = (conversationId: string, userIds: string[]) =>
  api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/participants`, { userIds });
export const leaveGroup = (conversationId: string) =>
  api.delete<{ ok: true }>(`/conversations/${encodeURIComponent(conversationId)}/participants/me`);
/** Sends a message; its client id is also its idempotency key, so sending it again (from the offline queue) is safe. */
export const postMessage = (conversationId: string, body: string, clientId: string) =>
  api.post<Message>(
    `/conversations/${encodeURIComponent(conversationId)}/messages`,
    { body, clientId },
    idempotent(clientId),
  );
export const editMessage = (messageId: string, body: string) =>
  api.patch<Message>(`/messages/${encodeURIComponent(messageId)}`, { body });
export const deleteMessage = (messageId: string) =>
  api.delete<{ ok: true }>(`/messages/${encodeURIComponent(messageId)}`);
export const markConversationRead = (conversationId: string, messageId: string) =>
  api.post<ReadState>(`/conversations/${encodeURIComponent(conversationId)}/read`, { messageId });

/** A fresh client id for a message: the server answers a retry with the same id with the first message. */
export function newClientId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * Puts a message into its conversation's history: replaces the copy with the same id (if the new
 * one is not older) or the optimistic copy with the same client id, else adds it as the newest
 * (unless it is older than all loaded messages while older pages are still to come).
 * Live events, sync results and send answers all pass through here, so nothing shows twice.
 * Returns whether the message was new to the history.
 */
export function mergeMessage(queryClient: QueryClient, message: ChatMessage): boolean {
  let added = false;
  queryClient.setQueryData<History>(messageKeys.history(message.conversationId), (history) => {
    if (!history) return history;
    let found = false;
    const pages = history.pages.map((page) => ({
      ...page,
      messages: page.messages.map((m) => {
        const same = m.id === message.id || (m.pending && m.clientId === message.clientId);
        if (!same) return m;
        found = true;
        if (!m.pending && !message.pending && m.revision > message.revision) return m;
        return message;
      }),
    }));
    if (found) return { ...history, pages };
    // A change to a message older than every loaded one arrives with that page when the reader
    // scrolls up; putting it in now would show it as the newest.
    const last = pages[pages.length - 1];
    const oldest = last?.messages[last.messages.length - 1];
    if (!message.pending && last?.nextCursor && oldest && message.id < oldest.id) return history;
    added = true;
    const [first, ...rest] = pages;
    if (!first) return history;
    return { ...history, pages: [{ ...first, messages: [message, ...first.messages] }, ...rest] };
  });
  return added;
}

/** Updates a conversation in the list (moves it to the top when it has news). */
export function patchConversation(
  queryClient: QueryClient,
  conversationId: string,
  patch: (c: Conversation) => Conversation,
  toTop = false,
): boolean {
  let found = false;
  queryClient.setQueryData<InfiniteData<ConversationList, string | undefined>>(
    messageKeys.conversations,
    (list) => {
      if (!list) return list;
      let moved: Conversation | undefined;
      const pages = list.pages.map((page) => ({
        ...page,
        conversations: page.conversations.flatMap((c) => {
          if (c.id !== conversationId) return [c];
          found = true;
          const next = patch(c);
          if (toTop) {
            moved = next;
            return [];
          }
          return [next];
        }),
      }));
      const [first, ...rest] = pages;
      if (moved && first)
        return { ...list, pages: [{ ...first, conversations: [moved, ...first.conversations] }, ...rest] };
      return { ...list, pages };
    },
  );
  queryClient.setQueryData<Conversation>(messageKeys.conversation(conversationId), (c) => (c ? patch(c) : c));
  return found;
}
