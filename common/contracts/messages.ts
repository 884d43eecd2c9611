import { z } from 'zod';
import { CONVERSATION_KINDS, GROUP_MAX_PEOPLE, GROUP_MIN_PEOPLE, MESSAGE_MAX_CHARS } from '../messages.ts';
import { Id, PageQuery } from './networks.ts';

export { CONVERSATION_KINDS, GROUP_MAX_PEOPLE, GROUP_MIN_PEOPLE, MESSAGE_MAX_CHARS } from '../messages.ts';

export const ConversationParams = z.strictObject({ id: Id });
export type ConversationParams = z.infer<typeof ConversationParams>;
export const MessageParams = z.strictObject({ id: Id });
export type MessageParams = z.infer<typeof MessageParams>;

/** A client-chosen key per message; a retried send with the same key returns the first message. */
export const ClientMessageId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _');

export const MessageBody = z
  .string()
  .max(MESSAGE_MAX_CHARS)
  .refine((s) => s.trim().length > 0, 'must not be empty');

export const OpenDirectBody = z.strictObject({ userId: Id });
export type OpenDirectBody = z.infer<typeof OpenDirectBody>;

export const CreateGroupBody = z.strictObject({
  title: z.string().trim().min(1).max(120),
  /** The other people (the creator is added automatically). */
  userIds: z
    .array(Id)
    .min(GROUP_MIN_PEOPLE - 1)
    .max(GROUP_MAX_PEOPLE - 1),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;

export const AddParticipantsBody = z.strictObject({
  userIds: z
    .array(Id)
    .min(1)
    .max(GROUP_MAX_PEOPLE - 1),
});
export type AddParticipantsBody = z.infer<typeof AddParticipantsBody>;

export const SendMessageBody = z.strictObject({ body: MessageBody, clientId: ClientMessageId });
export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const EditMessageBody = z.strictObject({ body: MessageBody });
export type EditMessageBody = z.infer<typeof EditMessageBody>;

export const MarkReadBody = z.strictObject({ messageId: Id });
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const ConversationListQuery = PageQuery;
export const HistoryQuery = PageQuery;

export const SyncQuery = z.strictObject({
  /** The highest event id (message revision) the client has seen; omit for "from the start". */
  since: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  senderId: z.string(),
  clientId: z.string(),
  /** Markdown source ('' once deleted). */
  body: z.string(),
  /** The body rendered to sanitised HTML ('' once deleted). */
  html: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  /** Changes with every edit or deletion; equals `id` for a message never changed. Sync cursor. */
  revision: z.string(),
});
export type Message = z.infer<typeof Message>;

export const Participant = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** Their account was erased: no name any more, shown as "former member". */
  formerMember: z.boolean(),
  /** The newest message they have read, or null. */
  lastReadMessageId: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const Conversation = z.object({
  id: z.string(),
  kind: z.enum(CONVERSATION_KINDS),
  title: z.string().nullable(),
  participants: z.array(Participant),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Newest message id (or the conversation id while empty); lists are ordered by it. */
  lastActivityId: z.string(),
  lastMessage: Message.nullable(),
  /** Messages from others after your read mark, counted up to UNREAD_MESSAGES_LIMIT. */
  unreadCount: z.number().int().min(0),
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationList = z.object({
  conversations: z.array(Conversation),
  nextCursor: z.string().nullable(),
});
export type ConversationList = z.infer<typeof ConversationList>;

export const MessagePage = z.object({
  /** Newest first. */
  messages: z.array(Message),
  nextCursor: z.string().nullable(),
});
export type MessagePage = z.infer<typeof MessagePage>;

/**
 * Unread messages are counted up to this many per conversation (the badges show "99+"): a member
 * who left a busy group unread for months (175,000 messages in the generated large set) costs no
 * more at every page than one who reads along.
 */
export const UNREAD_MESSAGES_LIMIT = 100;

const UnreadMessageCount = z
  .number()
  .int()
  .min(0)
  .max(UNREAD_MESSAGES_LIMIT)
  .describe(
    `Unread messages of a conversation, counted up to ${UNREAD_MESSAGES_LIMIT} (${UNREAD_MESSAGES_LIMIT} means that many or more)`,
  );

export const UnreadCounts = z.object({
  total: z.number().int().min(0).describe('The sum of the conversations’ counts'),
  conversations: z.array(z.object({ conversationId: z.string(), unreadCount: UnreadMessageCount })),
});
export type UnreadCounts = z.infer<typeof UnreadCounts>;

export const SyncResult = z.object({
  /** Messages created, edited or deleted after `since`, oldest change first. */
  messages: z.array(Message),
  /** Pass as `since` for the next page; the highest revision returned (or `since` when none). */
  nextSince: z.string().nullable(),
  /** More changes wait: call again with `nextSince`. */
  hasMore: z.boolean(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const ReadState = z.object({
  conversationId: z.string(),
  userId: z.string(),
  messageId: z.string(),
});
export type ReadState = z.infer<typeof ReadState>;

export const TypingStarted = z.object({
  conversationId: z.string(),
  userId: z.string(),
  displayName: z.string(),
});
export type TypingStarted = z.infer<typeof TypingStarted>;
