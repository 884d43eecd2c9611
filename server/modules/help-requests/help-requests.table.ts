import type { Generated, Selectable } from 'kysely';
import type { HelpRequestKind, HelpRequestStatus, HelpUrgency } from '../../../common/help-requests.ts';

export interface HelpRequestsTable {
  id: string;
  networkId: string;
  /** Null once the requester's account is gone. */
  requesterId: string | null;
  kind: HelpRequestKind;
  status: HelpRequestStatus;
  title: string;
  bodySource: string;
  bodyHtml: string;
  /** JSON array of expertise area codes. */
  expertise: string;
  /** JSON array of language codes. */
  languages: string;
  urgency: HelpUrgency;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  /** Case consultations posted with privacy findings left: when the mentor confirmed. */
  privacyConfirmedAt: string | null;
  /** Responses and offers, kept with the request so that lists need no counting. */
  responseCount: number;
  offerCount: number;
  createdAt: string;
  updatedAt: string;
  /** Created, edited, responded to, offered on, resolved or reopened: what lists order by. */
  lastActivityAt: string;
  /** The first response of someone other than the requester. */
  firstResponseAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  thanksNote: string;
  /** Told to the meta-mentors and office as unanswered (once). */
  escalatedAt: string | null;
  /** JSON array of the user ids helpers are ranked among (see suggestHelpersFor); null until worked out. */
  helperPool: Generated<string | null>;
  helperPoolAt: Generated<string | null>;
}
export type HelpRequestRow = Selectable<HelpRequestsTable>;

/** A request with the names of its requester and resolver, as lists and pages read it. */
export interface HelpRequestListRow extends HelpRequestRow {
  requesterName: string | null;
  /** Set when the requester's account was erased (shown as a former member); so for the others. */
  requesterErasedAt: string | null;
  requesterAvatarKey: string | null;
  resolvedByName: string | null;
  resolvedByErasedAt: string | null;
  /** The reader offered to help. */
  offeredByMe: number | boolean;
}

/** What a list reads of each request (presentSummary). */
export type HelpRequestSummaryRow = Omit<
  HelpRequestListRow,
  | 'networkId'
  | 'resolvedByName'
  | 'resolvedByErasedAt'
  | 'bodySource'
  | 'bodyHtml'
  | 'updatedAt'
  | 'privacyConfirmedAt'
  | 'resolvedBy'
  | 'thanksNote'
  | 'helperPool'
  | 'helperPoolAt'
>;

export interface HelpResponsesTable {
  id: string;
  requestId: string;
  networkId: string;
  authorId: string | null;
  bodySource: string;
  bodyHtml: string;
  createdAt: string;
}
export type HelpResponseRow = Selectable<HelpResponsesTable>;

export interface HelpOffersTable {
  requestId: string;
  helperId: string;
  networkId: string;
  createdAt: string;
}

export interface HelpThanksTable {
  requestId: string;
  userId: string;
  createdAt: string;
}

/** Who may have been e-mailed about a request (at most once each), and why: suggested, escalated, … */
export interface HelpNotifiedTable {
  requestId: string;
  userId: string;
  reason: string;
  createdAt: string;
}

/** This module's columns on other tables (added by its migration); the typed schema joins them. */
export interface HelpAttachmentColumns {
  helpRequestId: Generated<string | null>;
  helpResponseId: Generated<string | null>;
}
export interface HelpNetworkColumns {
  /** Unanswered for this many hours, a request escalates (default 48). */
  helpEscalationHours: Generated<number>;
}
export interface LeaveColumns {
  /** On leave until this day (YYYY-MM-DD, inclusive); null when not. */
  leaveUntil: Generated<string | null>;
}
