import { z } from 'zod';
import { COUNTRY_CODES } from '../countries.ts';
import { EXPERTISE_AREAS } from '../expertise.ts';
import { LANGUAGE_CODES } from '../languages.ts';
import { ORGANISATION_KINDS } from '../organisations.ts';
import { MENTOR_LEVELS, NETWORK_ACTIONS, NETWORK_ROLES, VISIBILITIES } from '../permissions.ts';
import { HttpUrl } from './url.ts';

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

export { ORGANISATION_KINDS } from '../organisations.ts';

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');
export const LanguageList = z.array(z.enum(LANGUAGE_CODES)).min(1).max(20);
export const ExpertiseList = z.array(z.enum(EXPERTISE_AREAS)).max(EXPERTISE_AREAS.length);
export const OptionalText = (max: number) => z.string().trim().max(max);
export const NetworkRoleCode = z.enum(NETWORK_ROLES);
export const MentorLevelCode = z.enum(MENTOR_LEVELS);
export const VisibilityCode = z.enum(VISIBILITIES);
export const Id = z.string().min(1).max(64);

/** Cursor pagination: `?cursor=<opaque>&limit=n`; answers carry `nextCursor` (null at the end). */
export const PageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const CreateOrganisationBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  slug: Slug.optional(),
  kind: z.enum(ORGANISATION_KINDS),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => COUNTRY_SET.has(code), 'ISO 3166-1 alpha-2'),
  city: z.string().trim().min(1).max(100),
  languages: LanguageList,
  services: ExpertiseList.default([]),
  website: HttpUrl(300).nullable().optional(),
  contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable().optional(),
  contactPhone: z.string().trim().max(40).nullable().optional(),
  description: OptionalText(4000).default(''),
});
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = CreateOrganisationBody.omit({ slug: true }).partial();
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBody>;

export const Organisation = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  country: z.string(),
  city: z.string(),
  languages: z.array(z.string()),
  services: z.array(z.string()),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  description: z.string(),
  verified: z.boolean(),
  createdAt: z.string(),
  /** Whether the viewer administers it. */
  isAdmin: z.boolean(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationList = z.object({ organisations: z.array(Organisation) });

export const AddOrganisationAdminBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
});

export const PersonSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  /** The account was erased (GDPR Art. 17): no name any more, shown as "former member". */
  formerMember: z.boolean().optional(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/**
 * Someone shown as the author of what others read (posts, topics, messages, requests, resources,
 * events, notifications): always says whether the account was erased, so that the web shows
 * "former member" from the flag rather than guessing from an empty name.
 */
export const AuthorSummary = PersonSummary.extend({ formerMember: z.boolean() });
export type AuthorSummary = z.infer<typeof AuthorSummary>;

export const OrganisationAdmins = z.object({ admins: z.array(PersonSummary.extend({ email: z.string() })) });

export const CreateNetworkBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  slug: Slug.optional(),
  description: OptionalText(4000).default(''),
  region: OptionalText(120).default(''),
  languages: LanguageList,
  visibility: VisibilityCode.default('private'),
});
export type CreateNetworkBody = z.infer<typeof CreateNetworkBody>;

export const UpdateNetworkBody = CreateNetworkBody.omit({ slug: true }).partial().extend({
  /** Settings: whether mentors, not only the meta-mentor and office, may create events. */
  membersCreateEvents: z.boolean().optional(),
});
export type UpdateNetworkBody = z.infer<typeof UpdateNetworkBody>;

export const OrganisationSummary = z.object({
  slug: z.string(),
  name: z.string(),
  city: z.string(),
  country: z.string(),
  verified: z.boolean(),
  founding: z.boolean(),
});

export const NetworkViewer = z.object({
  role: NetworkRoleCode.nullable(),
  level: MentorLevelCode.nullable(),
  acceptedCurrent: z.boolean(),
  orgAdmin: z.boolean(),
  permissions: z.array(z.enum(NETWORK_ACTIONS)),
});
export type NetworkViewer = z.infer<typeof NetworkViewer>;

export const Network = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  region: z.string(),
  languages: z.array(z.string()),
  visibility: VisibilityCode,
  createdAt: z.string(),
  organisations: z.array(OrganisationSummary),
  metaMentors: z.array(PersonSummary),
  memberCount: z.number(),
  /** Setting: mentors may create events (else only the meta-mentor and office). */
  membersCreateEvents: z.boolean(),
  viewer: NetworkViewer,
});
export type Network = z.infer<typeof Network>;

export const NetworkSummary = z.object({
  slug: z.string(),
  name: z.string(),
  region: z.string(),
  languages: z.array(z.string()),
  visibility: VisibilityCode,
  role: NetworkRoleCode.nullable(),
  acceptedCurrent: z.boolean(),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;
export const NetworkList = z.object({ networks: z.array(NetworkSummary), nextCursor: z.string().nullable() });

export const AddNetworkOrganisationBody = z.strictObject({ organisationSlug: Slug });

/** Name a meta-mentor: an existing account by e-mail becomes one; an unknown address is invited. */
export const AppointMetaMentorBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
});
export const AppointMetaMentorResult = z.object({ status: z.enum(['appointed', 'invited']) });

export const Member = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: NetworkRoleCode,
  level: MentorLevelCode.nullable(),
  joinedAt: z.string(),
  acceptedCurrent: z.boolean(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ members: z.array(Member), nextCursor: z.string().nullable() });

export const MemberListQuery = PageQuery.extend({
  role: NetworkRoleCode.optional(),
  /** Part of a member's name, any case (pickers search with it). */
  q: z.string().trim().max(100).optional(),
});

export const ChangeMemberBody = z
  .strictObject({ role: NetworkRoleCode.optional(), level: MentorLevelCode.nullable().optional() })
  .refine((b) => b.role !== undefined || b.level !== undefined, { message: 'Nothing to change' });
export type ChangeMemberBody = z.infer<typeof ChangeMemberBody>;

/** "On leave until" (inclusive, YYYY-MM-DD), from today up to LEAVE_MAX_DAYS ahead; null clears it. */
export const LEAVE_MAX_DAYS = 366;
export const SetLeaveBody = z.strictObject({ until: z.iso.date().nullable() });
export type SetLeaveBody = z.infer<typeof SetLeaveBody>;
export const LeaveState = z.object({ leaveUntil: z.iso.date().nullable() });
export type LeaveState = z.infer<typeof LeaveState>;

export const RemoveMemberBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

export const SlugParams = z.strictObject({ slug: Slug });
export const MemberParams = z.strictObject({ slug: Slug, userId: Id });

export const AuditEntry = z.object({
  id: z.string(),
  action: z.string(),
  actor: PersonSummary.nullable(),
  subject: PersonSummary.nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export const AuditList = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
