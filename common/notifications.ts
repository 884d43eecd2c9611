/** What a notification is about. */
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'message',
  'announcement',
  // Buddy pairing: a beginner asked for a buddy (to the meta-mentor and office), a pairing was
  // proposed, accepted, declined or ended (to those it concerns), and the gentle check-in.
  'buddy_requested',
  'buddy_proposed',
  'buddy_accepted',
  'buddy_declined',
  'buddy_ended',
  'buddy_checkin',
  // Help requests: a request the member is suggested for (a case consultation says only that there
  // is one), a response or an offer on one's own request, thanks for one's help, and a request left
  // unanswered (to the meta-mentors and office).
  'help_suggested',
  'help_case',
  'help_response',
  'help_offer',
  'help_thanks',
  'help_escalated',
  // Events: a reminder 24 h and 1 h before (to those who said yes or maybe), a change of time or
  // place, a cancellation (of the event or one occurrence), a place from the waiting list.
  'event_reminder',
  'event_changed',
  'event_cancelled',
  'event_place',
  // Applications: someone applied to join the network (to its meta-mentors and office).
  'application_received',
  // Moderation: a moderator warned the member or suspended them from a network (to them), and the
  // outcome of a report (to its reporter): action taken, or dismissed.
  'moderation_warning',
  'moderation_suspended',
  'report_actioned',
  'report_dismissed',
  // Role progression: the meta-mentor confirmed the member as experienced, or as a meta-mentor
  // candidate. Nudges: a friendly word to a member who has drifted away from a network.
  'progression_experienced',
  'progression_candidate',
  'nudge_reengagement',
  'nudge_missed',
  // Nudges: open help requests that still need a helper someone could be, and events coming up in
  // the week ahead that the member has not answered yet.
  'nudge_help_wanted',
  'nudge_upcoming_events',
  // Volunteer records (B6), to the meta-mentors and office: a member's check ends within 30 days,
  // a member's commitment ends. To a member who takes over mentee codes or help requests from
  // someone who left (the handover).
  'record_check_expiring',
  'record_commitment_ending',
  'record_handover',
  // Partner networks, to a network's meta-mentors: another network asks to become a partner, or
  // accepted, declined or ended a partnership; an organisation asks to take part in the network.
  // To an organisation's admins: a network's meta-mentor approved or declined its request to take part.
  'partnership_requested',
  'partnership_accepted',
  'partnership_declined',
  'partnership_ended',
  'organisation_join_requested',
  'organisation_join_approved',
  'organisation_join_declined',
  // A network lost its only meta-mentor (their account was erased) and was handed to the founding
  // organisation's admins (to each of them).
  'network_handed_over',
] as const;
export type NotificationKindCode = (typeof NOTIFICATION_KINDS)[number];

/**
 * The e-mail settings a member may choose: one per kind, except that the buddy pairing kinds share
 * one (`buddies`), the help request kinds one (`help`) and the event kinds one (`events`);
 * applications to a network (for its meta-mentors and office) have `applications`.
 * Announcements are always e-mailed at once.
 */
export const OPTIONAL_EMAIL_KINDS = [
  'mention',
  'reply',
  'message',
  'buddies',
  'help',
  'events',
  'applications',
  'progression',
  'reengagement',
  'missed',
  'help_wanted',
  'upcoming_events',
  'records',
] as const;
export type OptionalEmailKind = (typeof OPTIONAL_EMAIL_KINDS)[number];

const EMAIL_SETTING: Record<NotificationKindCode, OptionalEmailKind | null> = {
  mention: 'mention',
  reply: 'reply',
  message: 'message',
  announcement: null,
  buddy_requested: 'buddies',
  buddy_proposed: 'buddies',
  buddy_accepted: 'buddies',
  buddy_declined: 'buddies',
  buddy_ended: 'buddies',
  buddy_checkin: 'buddies',
  help_suggested: 'help',
  help_case: 'help',
  help_response: 'help',
  help_offer: 'help',
  help_thanks: 'help',
  help_escalated: 'help',
  event_reminder: 'events',
  event_changed: 'events',
  event_cancelled: 'events',
  event_place: 'events',
  application_received: 'applications',
  moderation_warning: null,
  moderation_suspended: null,
  report_actioned: null,
  report_dismissed: null,
  progression_experienced: 'progression',
  progression_candidate: 'progression',
  nudge_reengagement: 'reengagement',
  nudge_missed: 'missed',
  nudge_help_wanted: 'help_wanted',
  nudge_upcoming_events: 'upcoming_events',
  record_check_expiring: 'records',
  record_commitment_ending: 'records',
  record_handover: 'records',
  // Requests to the network, like applications: the meta-mentors' "applications" e-mail setting.
  partnership_requested: 'applications',
  partnership_accepted: 'applications',
  partnership_declined: 'applications',
  partnership_ended: 'applications',
  organisation_join_requested: 'applications',
  // The answer to the organisation's own request follows the same setting.
  organisation_join_approved: 'applications',
  organisation_join_declined: 'applications',
  // Becoming a network's meta-mentor is a change of role, like the progression news.
  network_handed_over: 'progression',
};

/** The e-mail setting a kind follows; null for announcements (always e-mailed at once). */
export function emailSettingOf(kind: NotificationKindCode): OptionalEmailKind | null {
  return EMAIL_SETTING[kind];
}

/** The kinds one e-mail setting governs. */
export function kindsOfSetting(setting: OptionalEmailKind): NotificationKindCode[] {
  return NOTIFICATION_KINDS.filter((kind) => EMAIL_SETTING[kind] === setting);
}

/** Gentle reminders are never mailed at once: with "at once" chosen they still wait for the digest. */
export function isDigestOnly(kind: NotificationKindCode): boolean {
  // Progression news and nudges wait for the digest too, so that they share one mail with the rest.
  return (
    kind === 'buddy_checkin' ||
    kind === 'progression_experienced' ||
    kind === 'progression_candidate' ||
    kind === 'nudge_reengagement' ||
    kind === 'nudge_missed' ||
    kind === 'nudge_help_wanted' ||
    kind === 'nudge_upcoming_events' ||
    kind === 'record_check_expiring' ||
    kind === 'record_commitment_ending'
  );
}

/**
 * Time-bound notifications are worth nothing late: an event reminder is e-mailed when it is due
 * even when the daily digest is chosen for its kind (only "off" stops the mail), never held for
 * the digest.
 */
export function isTimeBound(kind: NotificationKindCode): boolean {
  return kind === 'event_reminder';
}

/** How e-mail about one kind is sent: at once, in the daily digest (default), or not at all. */
export const EMAIL_FREQUENCIES = ['immediate', 'daily', 'off'] as const;

/** What the path of a notification's page depends on. */
export interface NotificationTarget {
  kind: NotificationKindCode;
  conversationId: string | null;
  networkSlug: string | null;
  helpRequestId: string | null;
  /** Null when the event or topic is gone. */
  eventId: string | null;
  topicId: string | null;
  /** Who the notification is about (volunteer-record reminders lead to that member's record). */
  actorId?: string | null;
}

/** The page a notification opens (in the list, and when its push is clicked). */
export function notificationPath(n: NotificationTarget): string {
  if (n.conversationId) return `/messages/${n.conversationId}`;
  const slug = n.networkSlug;
  // A handover leads to the request handed over, else to one's log (where the mentee codes are used).
  if (n.kind === 'record_handover')
    return slug && n.helpRequestId ? `/networks/${slug}/support/${n.helpRequestId}` : '/log';
  if (!slug) return '/home';
  if (n.kind === 'application_received') return `/networks/${slug}/applications`;
  if (n.kind.startsWith('partnership_') || n.kind === 'organisation_join_requested')
    return `/networks/${slug}/partners`;
  // The organisation's admins open the network their organisation asked to take part in.
  if (n.kind === 'organisation_join_approved' || n.kind === 'organisation_join_declined')
    return `/networks/${slug}`;
  if (n.actorId && n.kind.startsWith('record_')) return `/networks/${slug}/members/${n.actorId}/record`;
  if (n.kind.startsWith('buddy_')) return `/networks/${slug}/buddies`;
  if (n.kind === 'nudge_help_wanted') return `/networks/${slug}/support`;
  if (n.helpRequestId) return `/networks/${slug}/support/${n.helpRequestId}`;
  if (n.kind.startsWith('help_')) return `/networks/${slug}/support`;
  if (n.eventId) return `/networks/${slug}/events/${n.eventId}`;
  if (n.topicId) return `/networks/${slug}/discussions/${n.topicId}`;
  return `/networks/${slug}`;
}
