import { z } from 'zod';
import { APPLICATION_STATUSES } from '../applications.ts';
import { INVITATION_KINDS, INVITATION_MAX_DAYS, INVITATION_STATUSES } from '../invitations.ts';
import { DisplayName, Email, LocaleCode, Password, RegisterBody } from './auth.ts';
import { AcceptLegalBody } from './legal.ts';
import {
  Id,
  LanguageList,
  MentorLevelCode,
  NetworkRoleCode,
  PageQuery,
  PersonSummary,
  Slug,
} from './networks.ts';

export { APPLICATION_STATUSES } from '../applications.ts';
export {
  INVITATION_DEFAULT_DAYS,
  INVITATION_KINDS,
  INVITATION_MAX_DAYS,
  INVITATION_STATUSES,
} from '../invitations.ts';

const InvitationFields = {
  role: NetworkRoleCode,
  /** Only for mentors (beginner when left out). */
  level: MentorLevelCode.optional(),
  expiresInDays: z.number().int().min(1).max(INVITATION_MAX_DAYS).optional(),
};

/** Invite one address by e-mail (single use) or make a shareable link (many uses until it ends). */
export const CreateInvitationBody = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('email'), email: Email, ...InvitationFields }),
    z.strictObject({ kind: z.literal('link'), ...InvitationFields }),
  ])
  .refine((b) => b.level === undefined || b.role === 'mentor', {
    message: 'Only mentors have a level',
    path: ['level'],
  });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const InvitationKind = z.enum(INVITATION_KINDS);
export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** An invitation as the network's staff see it (never with its secret). */
export const Invitation = z.object({
  id: z.string(),
  kind: InvitationKind,
  email: z.string().nullable(),
  role: NetworkRoleCode,
  level: MentorLevelCode.nullable(),
  status: InvitationStatus,
  invitedBy: PersonSummary.nullable(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  uses: z.number(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** The link with the secret is only in this answer, and only for link invitations. */
export const CreatedInvitation = z.object({ invitation: Invitation, url: z.string().optional() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationListQuery = PageQuery.extend({
  status: z.enum(['pending', 'all']).default('pending'),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;
export const InvitationList = z.object({
  invitations: z.array(Invitation),
  nextCursor: z.string().nullable(),
});
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationParams = z.strictObject({ slug: Slug, id: Id });
export const InvitationTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

/** What someone holding the link may see before accepting. */
export const InvitationPreview = z.object({
  network: z.object({ slug: z.string(), name: z.string() }),
  role: NetworkRoleCode,
  level: MentorLevelCode.nullable(),
  inviterName: z.string().nullable(),
  kind: InvitationKind,
  /** The invited address (e-mail invitations only). */
  email: z.string().nullable(),
  status: z.enum(['valid', 'expired', 'revoked', 'used']),
  /** Whether the invited address already has an account (e-mail invitations only). */
  accountExists: z.boolean().nullable(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/**
 * Accepting while signed out creates the account: name, password and language, plus the address
 * for link invitations (an e-mail invitation already names it). Signed in, no body is needed, so
 * the fields are optional here and required by the server only when it creates an account.
 */
export const AcceptInvitationBody = z
  .strictObject({
    displayName: DisplayName.optional(),
    password: Password.optional(),
    locale: LocaleCode.optional(),
    email: Email.optional(),
    /** For a new account: the versions of the privacy notice and terms of use shown (as at sign-up). */
    acceptedLegal: AcceptLegalBody.optional(),
  })
  .nullish();
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

export const AcceptedInvitation = z.object({
  network: z.object({ slug: z.string(), name: z.string() }),
  role: NetworkRoleCode,
  level: MentorLevelCode.nullable(),
  /** Whether an account was created (and signed in) by accepting. */
  accountCreated: z.boolean(),
});
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;

// Applications

const LongText = z.string().trim().min(20).max(4000);

export const CreateApplicationBody = z.strictObject({
  motivation: LongText,
  experience: LongText,
  languages: LanguageList,
});
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>;

/**
 * A visitor applies and creates the account in one form: the application reaches the network's
 * staff once the address is confirmed.
 */
export const ApplyWithAccountBody = z.strictObject({
  ...RegisterBody.shape,
  ...CreateApplicationBody.shape,
});
export type ApplyWithAccountBody = z.infer<typeof ApplyWithAccountBody>;

export const ApplicationStatus = z.enum(APPLICATION_STATUSES);

/** An application as the network's staff see it. */
export const Application = z.object({
  id: z.string(),
  applicant: PersonSummary.extend({ email: z.string() }),
  motivation: z.string(),
  experience: z.string(),
  languages: z.array(z.string()),
  status: ApplicationStatus,
  decidedBy: PersonSummary.nullable(),
  decidedAt: z.string().nullable(),
  decisionMessage: z.string().nullable(),
  createdAt: z.string(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationListQuery = PageQuery.extend({
  status: z.enum(['pending', 'approved', 'declined']).default('pending'),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;
export const ApplicationList = z.object({
  applications: z.array(Application),
  nextCursor: z.string().nullable(),
});

export const ApplicationParams = z.strictObject({ slug: Slug, id: Id });
export const MyApplicationParams = z.strictObject({ id: Id });

export const DecideApplicationBody = z.strictObject({
  decision: z.enum(['approve', 'decline']),
  message: z.string().trim().max(2000).optional(),
});
export type DecideApplicationBody = z.infer<typeof DecideApplicationBody>;

/** The applicant's own view of an application. */
export const MyApplication = z.object({
  id: z.string(),
  network: z.object({ slug: z.string(), name: z.string() }),
  status: ApplicationStatus,
  languages: z.array(z.string()),
  decisionMessage: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MyApplication = z.infer<typeof MyApplication>;
export const MyApplicationList = z.object({ applications: z.array(MyApplication) });
