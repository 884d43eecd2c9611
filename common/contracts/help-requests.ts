import { z } from 'zod';
import { EXPERTISE_AREAS } from '../expertise.ts';
import {
  HELP_BODY_MAX,
  HELP_REQUEST_KINDS,
  HELP_REQUEST_STATUSES,
  HELP_RESPONSE_MAX,
  HELP_THANKS_MAX,
  HELP_TITLE_MAX,
  HELP_URGENCIES,
  HELPER_SUGGESTIONS_MAX,
} from '../help-requests.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import { MAX_ATTACHMENTS_PER_POST } from '../discussions.ts';
import { Attachment } from './discussions.ts';
import { AuthorSummary, Id, PageQuery, Slug } from './networks.ts';
import { PrivacyFinding } from './privacy.ts';

export {
  HELP_ESCALATION_HOURS_DEFAULT,
  HELP_REQUEST_KINDS,
  HELP_REQUEST_STATUSES,
  HELP_URGENCIES,
  HELPER_BUSY_OFFERS,
  HELPER_REASON_CODES,
  HELPER_SUGGESTIONS_MAX,
} from '../help-requests.ts';

export const HelpRequestStatus = z.enum(HELP_REQUEST_STATUSES);
export type HelpRequestStatus = z.infer<typeof HelpRequestStatus>;
export const HelpRequestKind = z.enum(HELP_REQUEST_KINDS);
export const HelpUrgency = z.enum(HELP_URGENCIES);

const Title = z.string().trim().min(3).max(HELP_TITLE_MAX);
const Body = z.string().trim().min(1).max(HELP_BODY_MAX);
const Areas = z.array(z.enum(EXPERTISE_AREAS)).max(EXPERTISE_AREAS.length);
const Languages = z.array(z.enum(LANGUAGE_CODES)).max(20);
/** A calendar day, YYYY-MM-DD. */
const Day = z.iso.date();
const AttachmentIds = z.array(Id).max(MAX_ATTACHMENTS_PER_POST).default([]);

/**
 * Ask for support. A case consultation (`kind: case`) is checked for personal data on the server
 * again; when findings are left in title or body, `privacyConfirmed: true` must say the mentor saw
 * them and posts anyway (else 422 PRIVACY_FINDINGS with the findings), and the confirmation is
 * stored with the request.
 */
export const CreateHelpRequestBody = z.strictObject({
  kind: HelpRequestKind.default('question'),
  title: Title,
  body: Body,
  expertise: Areas.default([]),
  languages: Languages.default([]),
  urgency: HelpUrgency.default('whenever'),
  deadline: Day.nullable().default(null),
  attachmentIds: AttachmentIds,
  privacyConfirmed: z.boolean().default(false),
});
export type CreateHelpRequestBody = z.infer<typeof CreateHelpRequestBody>;

/** The requester edits their request (the same privacy rule for case consultations). */
export const UpdateHelpRequestBody = z.strictObject({
  title: Title.optional(),
  body: Body.optional(),
  expertise: Areas.optional(),
  languages: Languages.optional(),
  urgency: HelpUrgency.optional(),
  deadline: Day.nullable().optional(),
  privacyConfirmed: z.boolean().default(false),
});
export type UpdateHelpRequestBody = z.infer<typeof UpdateHelpRequestBody>;

/**
 * Resolve (the requester or a meta-mentor; may thank helpers, who are told) or reopen. `answered`
 * is not set by hand: a request becomes answered with its first response.
 */
export const HelpRequestStatusBody = z.strictObject({
  status: z.enum(['resolved', 'open']),
  /** Helpers (responders or those who offered) to thank, with an optional short note. */
  thank: z.array(Id).max(50).default([]),
  thanksNote: z.string().trim().max(HELP_THANKS_MAX).default(''),
});
export type HelpRequestStatusBody = z.infer<typeof HelpRequestStatusBody>;

export const CreateHelpResponseBody = z.strictObject({
  body: z.string().trim().min(1).max(HELP_RESPONSE_MAX),
  attachmentIds: AttachmentIds,
  /** A response to a case consultation is privacy-checked as the request is. */
  privacyConfirmed: z.boolean().default(false),
});
export type CreateHelpResponseBody = z.infer<typeof CreateHelpResponseBody>;

/** "I can help": offer (default) or take the offer back. */
export const HelpOfferBody = z.strictObject({ withdraw: z.boolean().default(false) });

const Flag = z.enum(['true', 'false']).default('false');
export const HelpRequestListQuery = PageQuery.extend({
  status: HelpRequestStatus.optional(),
  kind: HelpRequestKind.optional(),
  expertise: z.enum(EXPERTISE_AREAS).optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  /** Asked by the caller. */
  mine: Flag,
  /** The caller offered to help. */
  offered: Flag,
  /** Open, without any response, for longer than the network's escalation time. */
  unanswered: Flag,
});
export type HelpRequestListQuery = z.infer<typeof HelpRequestListQuery>;

export const HelpRequestParams = z.strictObject({ slug: Slug, id: Id });

export const HelpPerson = AuthorSummary.extend({ avatarUrl: z.string().nullable() });
export type HelpPerson = z.infer<typeof HelpPerson>;

export const HelpResponse = z.object({
  id: z.string(),
  author: HelpPerson.nullable(),
  /** Sanitised HTML rendered on the server. */
  bodyHtml: z.string(),
  attachments: z.array(Attachment),
  createdAt: z.string(),
  /** The requester thanked this person for their help. */
  thanked: z.boolean(),
});
export type HelpResponse = z.infer<typeof HelpResponse>;

export const HelpOffer = z.object({ helper: HelpPerson, createdAt: z.string(), thanked: z.boolean() });
export type HelpOffer = z.infer<typeof HelpOffer>;

/** A request in a list: no body, counts instead of responses. */
export const HelpRequestSummary = z.object({
  id: z.string(),
  kind: HelpRequestKind,
  status: HelpRequestStatus,
  title: z.string(),
  requester: HelpPerson.nullable(),
  expertise: z.array(z.enum(EXPERTISE_AREAS)),
  languages: z.array(z.enum(LANGUAGE_CODES)),
  urgency: HelpUrgency,
  deadline: z.string().nullable(),
  responseCount: z.number().int(),
  offerCount: z.number().int(),
  /** The caller offered to help. */
  offeredByMe: z.boolean(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  /** First response by someone other than the requester (for the health dashboard). */
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Surfaced to the meta-mentors and office as unanswered (once). */
  escalatedAt: z.string().nullable(),
});
export type HelpRequestSummary = z.infer<typeof HelpRequestSummary>;

export const HelpRequest = HelpRequestSummary.extend({
  /** The Markdown as written: for the requester only (to edit), else null. */
  bodySource: z.string().nullable(),
  bodyHtml: z.string(),
  attachments: z.array(Attachment),
  responses: z.array(HelpResponse),
  offers: z.array(HelpOffer),
  resolvedBy: AuthorSummary.nullable(),
  thanksNote: z.string(),
  /** Case consultations: the mentor confirmed posting with privacy findings left (when, else null). */
  privacyConfirmedAt: z.string().nullable(),
  /** What the caller may do now (policies/help-requests.ts). */
  canEdit: z.boolean(),
  canRespond: z.boolean(),
  canOffer: z.boolean(),
  canResolve: z.boolean(),
  canReopen: z.boolean(),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

export const HelpRequestList = z.object({
  requests: z.array(HelpRequestSummary),
  nextCursor: z.string().nullable(),
});
export type HelpRequestList = z.infer<typeof HelpRequestList>;

/** Why someone is suggested, as a code with its values; the web app words it. */
export const HelperReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('shared_expertise'), areas: z.array(z.enum(EXPERTISE_AREAS)) }),
  z.object({ code: z.literal('shared_languages'), languages: z.array(z.enum(LANGUAGE_CODES)) }),
  z.object({ code: z.literal('same_region'), region: z.string() }),
  z.object({ code: z.literal('available'), availability: z.string() }),
  z.object({ code: z.literal('experienced') }),
  z.object({ code: z.literal('helped_before'), resolvedCount: z.number().int().min(0) }),
  /** Always given: open offers on requests not yet resolved (three or more: they drop). */
  z.object({ code: z.literal('open_offers'), count: z.number().int().min(0) }),
]);
export type HelperReason = z.infer<typeof HelperReason>;

export const SuggestedHelper = z.object({
  helper: HelpPerson,
  /** Higher is a better match; only the order means anything. */
  score: z.number(),
  reasons: z.array(HelperReason),
  /** Already notified about this request. */
  notified: z.boolean(),
});
export type SuggestedHelper = z.infer<typeof SuggestedHelper>;

export const SuggestedHelpers = z.object({
  helpers: z.array(SuggestedHelper).max(HELPER_SUGGESTIONS_MAX),
});
export type SuggestedHelpers = z.infer<typeof SuggestedHelpers>;

/** 422 PRIVACY_FINDINGS details: what the server found in a case text posted without confirmation. */
export const PrivacyFindingsDetails = z.object({
  title: z.array(PrivacyFinding),
  body: z.array(PrivacyFinding),
});
export type PrivacyFindingsDetails = z.infer<typeof PrivacyFindingsDetails>;

/** Realtime: a request changed (created, edited, status); clients showing it load it again. */
export interface HelpRequestChangedEvent {
  networkId: string;
  networkSlug: string;
  requestId: string;
  status: HelpRequestStatus;
}
/** Realtime: a response or an offer arrived (or an offer was withdrawn) on a request. */
export interface HelpActivityEvent {
  networkId: string;
  networkSlug: string;
  requestId: string;
  kind: 'response' | 'offer';
  response?: HelpResponse;
}
