import { useMutation, useMutationState } from '@tanstack/react-query';
import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Conversation, Message } from '../../../../common/contracts/messages.ts';
import { outboxKeys, outboxScope } from '../../app/outbox.ts';
import { MESSAGE_MAX_CHARS } from '../../../../common/messages.ts';
import { isOwnMessage } from '../../../../common/policies/content.ts';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { realtime } from '../../lib/realtime.ts';
import { useMe } from '../auth/api.ts';
import { type ChatMessage, markConversationRead, newClientId, useConversation, useHistory } from './api.ts';
import { conversationTitle } from './conversation-title.ts';
import { GroupActions } from './GroupActions.tsx';
import { setOpenConversation, typingStore } from './live.ts';
import { MessageBubble } from './MessageBubble.tsx';

const TYPING_EVERY_MS = 2_500;

/** One conversation: history paging upwards, live messages, read state, typing, optimistic sending. */
export default function ChatPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const conversation = useConversation(id);
  const myId = me?.id ?? '';

  if (conversation.isPending) return <Loading />;
  if (conversation.isError) return <QueryError error={conversation.error} />;
  const title = conversationTitle(t, conversation.data, myId);
  return (
    <div className="page chat">
      <p className="eyebrow">
        <Link to="/messages">{t('messages.back')}</Link>
      </p>
      <PageHeading title={title} userText />
      {conversation.data.kind === 'group' && (
        <>
          <p className="muted small group-people">
            {conversation.data.participants.map((p) => p.displayName).join(', ')}
          </p>
          <GroupActions conversation={conversation.data} title={title} />
        </>
      )}
      <Chat conversation={conversation.data} myId={myId} />
    </div>
  );
}

function Chat({ conversation, myId }: { conversation: Conversation; myId: string }) {
  const { t } = useTranslation();
  const history = useHistory(conversation.id);
  const logRef = useRef<HTMLOListElement>(null);
  const stickToBottom = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);
  const messages = (history.data?.pages.flatMap((p) => p.messages) ?? []).slice().reverse();
  const newest = messages[messages.length - 1];
  const typing = useSyncExternalStore(typingStore.subscribe, typingStore.get);
  const typers = (typing.get(conversation.id) ?? []).filter((p) => p.until > Date.now());

  // While this chat is open, its messages are read as they come and not counted as unread.
  useEffect(() => {
    const update = () => setOpenConversation(document.visibilityState === 'visible' ? conversation.id : null);
    update();
    document.addEventListener('visibilitychange', update);
    return () => {
      document.removeEventListener('visibilitychange', update);
      setOpenConversation(null);
    };
  }, [conversation.id]);

  // Mark read up to the newest message from someone else.
  const lastReadSent = useRef<string | null>(null);
  const mine = conversation.participants.find((p) => p.userId === myId);
  const newestFromOthers = [...messages].reverse().find((m) => !m.pending && !isOwnMessage(myId, m));
  useEffect(() => {
    const target = newestFromOthers?.id;
    if (!target || document.visibilityState !== 'visible') return;
    if ((mine?.lastReadMessageId ?? '') >= target && conversation.unreadCount === 0) return;
    if (lastReadSent.current !== null && lastReadSent.current >= target) return;
    lastReadSent.current = target;
    markConversationRead(conversation.id, target).catch(() => {
      lastReadSent.current = null;
    });
  }, [newestFromOthers?.id, mine?.lastReadMessageId, conversation.id, conversation.unreadCount]);

  // Keep the newest message in view unless the reader scrolled up; keep the place when older ones load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the list of messages changes
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    if (heightBeforeOlder.current !== null) {
      log.scrollTop += log.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (stickToBottom.current) {
      log.scrollTop = log.scrollHeight;
    }
  }, [messages.length, newest?.id, typers.length]);

  const loadOlder = () => {
    heightBeforeOlder.current = logRef.current?.scrollHeight ?? null;
    void history.fetchNextPage();
  };

  // Sent through the outbox (app/outbox.ts): shown at once as sending, waiting while offline, kept
  // over a reload, sent once (the client id is the idempotency key).
  const send = useMutation<Message, Error, ChatMessage>({
    mutationKey: outboxKeys.message,
    scope: outboxScope('message', conversation.id),
  });
  const waiting = new Set(
    useMutationState({
      filters: {
        mutationKey: outboxKeys.message,
        predicate: (m) => m.state.status === 'pending' && m.state.isPaused,
      },
      select: (m) => (m.state.variables as ChatMessage | undefined)?.clientId,
    }),
  );

  function submit(body: string) {
    stickToBottom.current = true;
    const clientId = newClientId();
    send.mutate({
      id: `pending-${clientId}`,
      conversationId: conversation.id,
      senderId: myId,
      clientId,
      body,
      html: '',
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
      revision: '',
    });
  }

  // "Seen": the others' read marks at or after my newest sent message.
  const myNewest = [...messages].reverse().find((m) => !m.pending && isOwnMessage(myId, m));
  const others = conversation.participants.filter((p) => p.userId !== myId);
  const seenBy = myNewest ? others.filter((p) => (p.lastReadMessageId ?? '') >= myNewest.id) : [];
  // An erased account has no name any more: its messages show as by a former member.
  const names = new Map(
    conversation.participants.filter((p) => !p.formerMember).map((p) => [p.userId, p.displayName]),
  );

  return (
    <div className="chat-frame">
      <ol
        ref={logRef}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        className="chat-log"
        aria-label={t('messages.history')}
        aria-busy={history.isFetching || undefined}
        onScroll={(e) => {
          const log = e.currentTarget;
          stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
        }}
      >
        {history.hasNextPage && (
          <li className="chat-older">
            <Button variant="quiet" pending={history.isFetchingNextPage} onClick={loadOlder}>
              {t('messages.load_older')}
            </Button>
          </li>
        )}
        {history.isPending && (
          <li>
            <Loading />
          </li>
        )}
        {history.isError && (
          <li>
            <QueryError error={history.error} onRetry={() => void history.refetch()} />
          </li>
        )}
        {history.isSuccess && messages.length === 0 && (
          <li className="empty">{t('messages.no_messages_yet')}</li>
        )}
        {messages.map((m) => {
          const own = isOwnMessage(myId, m);
          const showSeen = myNewest?.id === m.id && seenBy.length > 0;
          return (
            <MessageBubble
              key={m.clientId || m.id}
              message={m}
              own={own}
              author={
                !own && conversation.kind === 'group'
                  ? (names.get(m.senderId) ?? t('messages.former_member'))
                  : undefined
              }
              seen={
                !showSeen
                  ? undefined
                  : conversation.kind === 'direct'
                    ? t('messages.seen')
                    : t('messages.seen_by', { names: seenBy.map((p) => p.displayName).join(', ') })
              }
              waiting={m.pending === 'sending' && waiting.has(m.clientId)}
              onRetry={() => send.mutate({ ...m, pending: undefined })}
            />
          );
        })}
      </ol>
      <p className="typing small muted" aria-live="polite">
        {typers.length > 0 &&
          t('messages.typing', { names: typers.map((p) => p.displayName).join(', '), count: typers.length })}
      </p>
      <Composer conversationId={conversation.id} onSend={submit} />
    </div>
  );
}

function Composer({ conversationId, onSend }: { conversationId: string; onSend: (body: string) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const lastTyping = useRef(0);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (body.trim() === '') return;
    onSend(body);
    setBody('');
    lastTyping.current = 0;
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter makes a new line (and an input method's Enter composes).
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form className="chat-composer" onSubmit={submit}>
      <label htmlFor="chat-input" className="visually-hidden">
        {t('messages.compose_label')}
      </label>
      <textarea
        id="chat-input"
        rows={2}
        value={body}
        maxLength={MESSAGE_MAX_CHARS}
        placeholder={t('messages.compose_placeholder')}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setBody(e.target.value);
          const now = Date.now();
          if (e.target.value && now - lastTyping.current > TYPING_EVERY_MS) {
            lastTyping.current = now;
            realtime.send({ type: 'typing', data: { conversationId } });
          }
        }}
      />
      <Button type="submit">{t('messages.send')}</Button>
    </form>
  );
}
