import type { BuddyChangedEvent } from './contracts/buddies.ts';
import type { EventChangedEvent, EventRsvpChangedEvent } from './contracts/events.ts';
import type { Announcement, Post, ReactionSummary, TopicSummary } from './contracts/discussions.ts';
import type { Conversation, Message, ReadState, TypingStarted } from './contracts/messages.ts';
import type { HelpActivityEvent, HelpRequestChangedEvent } from './contracts/help-requests.ts';
import type { NotificationEvent } from './contracts/notifications.ts';

/**
 * The WebSocket protocol of mentorNET: one socket per browser session at `GET /api/ws`
 * (session cookie, same Origin). Every frame is one JSON text message.
 *
 * Server → client: `{ type, data, id? }`. `id` is set on events that the catch-up endpoint can
 * replay (message events: the message's revision); a client remembers the highest one it has seen
 * and, after reconnecting, asks `GET /api/messages/sync?since=<id>` for what it missed.
 *
 * Reconnecting without loss: open the socket, wait for `realtime.ready` (the socket is then in all
 * its rooms), then call sync. Whatever commits after `realtime.ready` arrives live, whatever
 * committed before is in the sync answer; deduplicate by message id and revision.
 */

// The socket's address and close codes are plain constants (the web app imports them without zod);
// the schema of client frames is a contract. Both are re-exported here, beside the event map.
export { ClientFrame } from './contracts/realtime.ts';
export { WS_CLOSE, WS_PATH } from './realtime.ts';

/** Every server → client event and its data. Other features add their events here. */
export interface ServerEvents {
  /** Sent once the socket has joined its rooms: now is the time to call sync. */
  'realtime.ready': { userId: string; rooms: number };
  /** Answer to a client `ping`. */
  pong: Record<string, never>;
  /** A client frame was refused (bad JSON, unknown type, not allowed, too many). */
  'realtime.error': { code: 'VALIDATION_FAILED' | 'NOT_FOUND' | 'RATE_LIMITED'; frame?: string };
  /**
   * Carries nothing: published after other events, it tells a listener (tests, tools) that every
   * event before it in the same room has been delivered, since a socket gets its events in order.
   */
  'realtime.marker': { marker: string; padding?: string };
  /** The server may have missed events (e.g. its cross-instance link was down): call sync. */
  'sync.required': Record<string, never>;
  /** Your network memberships or agreements changed; the server re-evaluates your rooms. */
  'membership.changed': { networkId: string | null };
  /** Sessions of this user were signed out; their sockets close with WS_CLOSE.sessionEnded. */
  'session.revoked': { sessionIds: string[] };
  'conversation.created': { conversation: Conversation };
  /** Participants or title changed. */
  'conversation.updated': { conversation: Conversation };
  /** Someone left (or you did: your other tabs stop receiving its events). */
  'conversation.left': { conversationId: string; userId: string };
  'message.created': { message: Message };
  'message.updated': { message: Message };
  'message.deleted': { message: Message };
  'message.read': ReadState;
  'typing.started': TypingStarted;
  // Discussions and announcements (to rooms.network; mentions to rooms.user of the mentioned member).
  // Per-reader fields (isNew, unreadCount, canEdit, canDelete, mine) are neutral: false / 0.
  'topic.created': { networkId: string; topic: TopicSummary };
  /** Title, pin, lock or deletion changed. */
  'topic.updated': { networkId: string; topic: TopicSummary };
  'reply.created': { networkId: string; topicId: string; post: Post };
  /** A post (reply or opening post) was edited. */
  'reply.updated': { networkId: string; topicId: string; post: Post };
  'reply.deleted': { networkId: string; topicId: string; postId: string };
  'reaction.changed': { networkId: string; topicId: string; postId: string; reactions: ReactionSummary[] };
  'mention.created': {
    networkId: string;
    networkSlug: string;
    topicId: string;
    topicTitle: string;
    postId: string;
    by: { id: string; displayName: string };
  };
  'announcement.created': { networkId: string; announcement: Announcement };
  // Notifications (to rooms.user of the recipient), with the new unread count for the badge.
  'notification.created': NotificationEvent;
  /** Grouped message notification got another message. */
  'notification.updated': NotificationEvent;
  /** One (id) or all (id null) notifications were marked read, e.g. in another tab. */
  'notification.read': { id: string | null; unreadCount: number };
  /**
   * A buddy pairing was asked for, proposed, answered, ended or withdrawn: to the rooms of its two
   * people and of those who manage buddy pairing in its network. Ids only; clients load it again.
   */
  'buddy.changed': BuddyChangedEvent;
  /** A help request was created, edited, resolved, reopened or removed: to the network's members. */
  'help.changed': HelpRequestChangedEvent;
  /** A response or an offer arrived (or an offer was taken back) on a help request: to the members. */
  'help.activity': HelpActivityEvent;
  /** An event's RSVP counts changed (to the network's room): lists and pages update the numbers. */
  'event.rsvp_changed': EventRsvpChangedEvent;
  /** An event was created, changed, cancelled or deleted (to the network's room); ids only. */
  'event.changed': EventChangedEvent;
}
export type ServerEventType = keyof ServerEvents;

/** One server → client frame. */
export type ServerFrame = {
  [K in ServerEventType]: { type: K; data: ServerEvents[K]; id?: string };
}[ServerEventType];
