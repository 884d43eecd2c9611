import type { QueryClient } from '@tanstack/react-query';
import type { Message } from '../../../../common/contracts/messages.ts';
import { isOwnMessage } from '../../../../common/policies/content.ts';
import { onLocalEvent, realtime } from '../../lib/realtime.ts';
import { mergeMessage, messageKeys, patchConversation } from './api.ts';

const TYPING_SHOWN_MS = 4_000;
type Typing = Map<string, { userId: string; displayName: string; until: number }[]>;
let typing: Typing = new Map();
const typingListeners = new Set<() => void>();

function setTyping(next: Typing): void {
  typing = next;
  for (const listener of typingListeners) listener();
}

/** For useSyncExternalStore: who is typing where. */
export const typingStore = {
  subscribe(listener: () => void) {
    typingListeners.add(listener);
    return () => typingListeners.delete(listener);
  },
  get: () => typing,
};

/** The conversation open and visible in this tab: its new messages are read at once, not counted. */
let openConversation: string | null = null;
export function setOpenConversation(id: string | null): void {
  openConversation = id;
}

/** Message ids already counted, so a message seen live and again in a sync is counted once. */
const counted = new Set<string>();

function onMessage(queryClient: QueryClient, myId: string, message: Message, isNew: boolean): void {
  mergeMessage(queryClient, message);
  // Whoever wrote it, the sender is no longer typing.
  const typers = typing.get(message.conversationId);
  if (typers?.some((t) => isOwnMessage(t.userId, message))) {
    const next = new Map(typing);
    next.set(
      message.conversationId,
      typers.filter((t) => !isOwnMessage(t.userId, message)),
    );
    setTyping(next);
  }
  const firstTime = isNew && !counted.has(message.id);
  if (isNew) counted.add(message.id);
  const unread = firstTime && !isOwnMessage(myId, message) && openConversation !== message.conversationId;
  const known = patchConversation(
    queryClient,
    message.conversationId,
    (c) => ({
      ...c,
      lastMessage: !c.lastMessage || c.lastMessage.id <= message.id ? message : c.lastMessage,
      lastActivityId: [c.lastActivityId, message.id].sort()[1] ?? message.id,
      unreadCount: c.unreadCount + (unread ? 1 : 0),
    }),
    firstTime,
  );
  if (!known) void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
  if (unread) void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
}

/** Feeds message, read, typing and conversation events into the query caches; returns the unsubscribe. */
export function connectMessages(queryClient: QueryClient, myId: string): () => void {
  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
    void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
  };
  const offs = [
    realtime.on('message.created', ({ message }) => onMessage(queryClient, myId, message, true)),
    realtime.on('message.updated', ({ message }) =>
      onMessage(queryClient, myId, message, message.id === message.revision),
    ),
    realtime.on('message.deleted', ({ message }) => onMessage(queryClient, myId, message, false)),
    realtime.on('message.read', (read) => {
      patchConversation(queryClient, read.conversationId, (c) => ({
        ...c,
        unreadCount: read.userId === myId ? 0 : c.unreadCount,
        participants: c.participants.map((p) =>
          p.userId === read.userId ? { ...p, lastReadMessageId: read.messageId } : p,
        ),
      }));
      if (read.userId === myId) void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
    }),
    realtime.on('typing.started', (event) => {
      if (event.userId === myId) return;
      const now = Date.now();
      const next = new Map(typing);
      const others = (next.get(event.conversationId) ?? []).filter(
        (t) => t.userId !== event.userId && t.until > now,
      );
      next.set(event.conversationId, [...others, { ...event, until: now + TYPING_SHOWN_MS }]);
      setTyping(next);
      setTimeout(() => {
        const left = (typing.get(event.conversationId) ?? []).filter((t) => t.until > Date.now());
        const after = new Map(typing);
        after.set(event.conversationId, left);
        setTyping(after);
      }, TYPING_SHOWN_MS + 50);
    }),
    realtime.on('conversation.created', ({ conversation }) => {
      queryClient.setQueryData(messageKeys.conversation(conversation.id), conversation);
      refreshAll();
    }),
    realtime.on('conversation.updated', ({ conversation }) => {
      queryClient.setQueryData(messageKeys.conversation(conversation.id), conversation);
      refreshAll();
    }),
    realtime.on('conversation.left', ({ conversationId }) => {
      // The others see who is left; the one who left (in another tab) finds the group gone.
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversation(conversationId), exact: true });
      refreshAll();
    }),
    onLocalEvent('sync.completed', refreshAll),
    onLocalEvent('sync.reloaded', () => {
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversationDetails });
      refreshAll();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
