/**
 * Every authorization rule of mentorNET in one place, used by the server (enforcement) and the
 * web app (what to show). Tested as a full matrix in permissions.test.ts.
 */

export const NETWORK_ROLES = ['meta_mentor', 'office', 'mentor'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];
export const MENTOR_LEVELS = ['beginner', 'experienced'] as const;
export type MentorLevel = (typeof MENTOR_LEVELS)[number];
export const VISIBILITIES = ['public', 'unlisted', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Who is asking, as seen from one network. */
export interface NetworkActor {
  signedIn: boolean;
  platformAdmin: boolean;
  /** Admin of the organisation that founded the network. */
  orgAdmin: boolean;
  /** Active membership role, or null for non-members. */
  role: NetworkRole | null;
  /** Has accepted the current agreement and communication rules. */
  acceptedCurrent: boolean;
}

export const NETWORK_ACTIONS = [
  'network.view',
  'network.edit',
  'network.organisations.manage',
  'members.view',
  'members.remove',
  'members.change_role',
  'membership.leave',
  'membership.set_leave',
  'membership.tour',
  'invitations.manage',
  'applications.create',
  'applications.decide',
  'documents.view',
  'documents.publish',
  'documents.accept',
  'documents.acceptances.view',
  'office.view',
  'office.edit',
  'audit.view',
  'discussions.read',
  'discussions.write',
  'discussions.moderate',
  'spaces.manage',
  'announcements.post',
  'messages.send',
  'mooc.manage',
  'roadmap.view',
  'roadmap.manage',
  'goals.view',
  'goals.manage',
  'goals.update',
  'privacy.check',
  'buddies.view',
  'buddies.ask',
  'buddies.manage',
  'help.view',
  'help.ask',
  'help.respond',
  'help.moderate',
  'events.view',
  'events.create',
  'events.edit',
  'events.rsvp',
  'events.attendance',
  'events.public',
  'resources.view',
  'resources.create',
  'resources.edit',
  'resources.manage',
  'content.report',
  'moderation.review',
  'health.view',
  'health.manage',
  'activities.log',
  'reports.view',
  'records.view',
  'records.manage',
  'records.settings',
  'progression.view',
  'progression.decide',
  'nudges.view',
  'partnerships.view',
  'partnerships.manage',
] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

/** What a member may open before accepting the current agreement and rules. */
const BEFORE_ACCEPTANCE: ReadonlySet<NetworkAction> = new Set([
  'network.view',
  'documents.view',
  'documents.accept',
  'membership.leave',
  'office.view',
  'events.public',
]);

type Who = 'meta_mentor' | 'office' | 'mentor' | 'org_admin' | 'platform_admin';
const MANAGERS: Who[] = ['meta_mentor', 'org_admin', 'platform_admin'];
const STAFF: Who[] = ['meta_mentor', 'office', 'org_admin', 'platform_admin'];
const EVERY_MEMBER: Who[] = ['meta_mentor', 'office', 'mentor'];
const EVERYONE_INSIDE: Who[] = [...EVERY_MEMBER, 'org_admin', 'platform_admin'];

/** Roles allowed per action (besides visibility rules below). */
const ALLOWED: Record<NetworkAction, Who[] | 'by_visibility' | 'non_member'> = {
  'network.view': 'by_visibility',
  'network.edit': MANAGERS,
  'network.organisations.manage': MANAGERS,
  'members.view': EVERYONE_INSIDE,
  'members.remove': MANAGERS,
  'members.change_role': MANAGERS,
  'membership.leave': EVERY_MEMBER,
  'membership.set_leave': EVERY_MEMBER,
  // One's own first-run tour: seen or skipped, per network.
  'membership.tour': EVERY_MEMBER,
  'invitations.manage': STAFF,
  'applications.create': 'non_member',
  'applications.decide': STAFF,
  'documents.view': 'by_visibility',
  'documents.publish': MANAGERS,
  'documents.accept': EVERY_MEMBER,
  'documents.acceptances.view': MANAGERS,
  'office.view': 'by_visibility',
  'office.edit': STAFF,
  'audit.view': ['meta_mentor', 'platform_admin'],
  // Discussions are the members' own room: admins who are not members neither read nor moderate them.
  'discussions.read': EVERY_MEMBER,
  'discussions.write': EVERY_MEMBER,
  'discussions.moderate': ['meta_mentor'],
  'spaces.manage': ['meta_mentor'],
  'announcements.post': ['meta_mentor', 'office'],
  // Direct and group messages: between members who share a network and accepted its agreement.
  'messages.send': EVERY_MEMBER,
  // MOOC sessions are run by the founding organisation or the meta-mentor it named.
  'mooc.manage': MANAGERS,
  'roadmap.view': EVERYONE_INSIDE,
  'roadmap.manage': ['meta_mentor', 'platform_admin'],
  'goals.view': EVERYONE_INSIDE,
  'goals.manage': ['meta_mentor', 'platform_admin'],
  'goals.update': EVERY_MEMBER,
  // The privacy check of case texts: for those who may write in the network.
  'privacy.check': EVERY_MEMBER,
  // Buddy pairing is between members: they see and act on their own pairings (which ones, and how,
  // is decided per pairing in policies/buddies.ts); the meta-mentor and the office propose pairs,
  // see all of them and end any. Admins who are not members take no part.
  'buddies.view': EVERY_MEMBER,
  'buddies.ask': EVERY_MEMBER,
  'buddies.manage': ['meta_mentor', 'office'],
  // Help requests are between members who accepted the agreement: they ask, respond and offer help
  // (per request: policies/help-requests.ts); the meta-mentor resolves, reopens or removes anyone's.
  // Admins who are not members take no part.
  'help.view': EVERY_MEMBER,
  'help.ask': EVERY_MEMBER,
  'help.respond': EVERY_MEMBER,
  'help.moderate': ['meta_mentor'],
  // Events: everyone inside sees them; members answer. Creating is the meta-mentor's and office's
  // unless the network lets mentors create too, and editing is the organisers' and staff's: both
  // decided per network and per event in policies/events.ts. Staff see attendees and record who came.
  'events.view': EVERYONE_INSIDE,
  'events.create': EVERY_MEMBER,
  'events.edit': EVERY_MEMBER,
  'events.rsvp': EVERY_MEMBER,
  'events.attendance': ['meta_mentor', 'office'],
  // A public network's public events are for anyone, without an account (its public page); in a
  // private network outsiders see nothing (404), and only public networks list any (policies/events.ts).
  'events.public': 'by_visibility',
  // Shared resources: everyone inside reads them; members create and edit pages, links and files
  // unless the network keeps editing to its staff (policies/resources.ts); the meta-mentor and office
  // delete, revert and curate the "start here" list.
  'resources.view': EVERYONE_INSIDE,
  'resources.create': EVERY_MEMBER,
  'resources.edit': EVERY_MEMBER,
  'resources.manage': ['meta_mentor', 'office'],
  // Reports and moderation (F4): members report what they read in the network; its meta-mentors
  // and platform admins review the reports in a queue (messages and profiles: platform admins only,
  // decided per report in policies/moderation.ts).
  'content.report': EVERY_MEMBER,
  'moderation.review': ['meta_mentor', 'platform_admin'],
  // Network health: everyone inside sees its public part (goals, upcoming events); the meta-mentors,
  // the office and the founding organisation's admins see the figures, warnings and drifting members
  // and set the warnings' thresholds.
  'health.view': EVERYONE_INSIDE,
  'health.manage': STAFF,
  // The mentoring log is each member's own: they log, list, change and delete only their own
  // activities (the service looks them up by author), so nobody else ever reads a note.
  'activities.log': EVERY_MEMBER,
  // Impact reports are aggregates with small counts suppressed: for staff and the founding
  // organisation's admins (who report to funders).
  'reports.view': STAFF,
  // Volunteer records (B6): members open their own, the meta-mentor and office anyone's (per
  // person in policies/volunteer-records.ts); only those two record training, checks, commitments.
  'records.view': EVERY_MEMBER,
  'records.manage': ['meta_mentor', 'office'],
  // How long a departed member's records are kept before the daily job deletes them.
  'records.settings': ['meta_mentor', 'office'],
  // Role progression and succession: the meta-mentor and office see the suggestions, the ranked
  // successors and the nudges sent; the meta-mentor decides on a suggestion and names the deputy.
  'progression.view': ['meta_mentor', 'office'],
  'progression.decide': ['meta_mentor'],
  'nudges.view': ['meta_mentor', 'office'],
  // Partner networks (E2): who a network's partners are is as public as the network itself (open
  // requests only for its meta-mentors); a meta-mentor asks another network, answers a request
  // and ends a partnership. Only shared announcements, events and resources cross.
  'partnerships.view': 'by_visibility',
  'partnerships.manage': ['meta_mentor'],
};

function rolesOf(actor: NetworkActor): Who[] {
  const who: Who[] = [];
  if (actor.role) who.push(actor.role);
  if (actor.orgAdmin) who.push('org_admin');
  if (actor.platformAdmin) who.push('platform_admin');
  return who;
}

/** Whether the actor may see that the network exists at all (else the API answers 404). */
export function canSeeNetwork(actor: NetworkActor, visibility: Visibility): boolean {
  return visibility !== 'private' || rolesOf(actor).length > 0;
}

/**
 * Whether a network shows up in lists (an organisation's networks): public ones for everyone,
 * unlisted and private ones only for those inside — members, the founding organisation's admins,
 * platform admins. Unlisted networks are otherwise reachable by link only.
 */
export function isListedFor(actor: NetworkActor, visibility: Visibility): boolean {
  return visibility === 'public' || rolesOf(actor).length > 0;
}

/**
 * A member who has not accepted the current agreement and rules is held at them: they can only read
 * them (and leave). Admins of the founding organisation and platform admins are not held back.
 */
export function isHeldAtAgreement(actor: NetworkActor): boolean {
  return actor.role !== null && !actor.acceptedCurrent && !actor.orgAdmin && !actor.platformAdmin;
}

/** The one question every network endpoint asks. */
export function canInNetwork(actor: NetworkActor, action: NetworkAction, visibility: Visibility): boolean {
  if (!canSeeNetwork(actor, visibility)) return false;
  const who = rolesOf(actor);
  if (isHeldAtAgreement(actor) && !BEFORE_ACCEPTANCE.has(action)) return false;
  const allowed = ALLOWED[action];
  if (allowed === 'by_visibility') return true;
  if (allowed === 'non_member') return actor.signedIn && who.length === 0 && visibility === 'public';
  return who.some((w) => allowed.includes(w));
}

/** Platform-level and organisation-level actions. */
export const ORGANISATION_ACTIONS = [
  'organisation.create',
  'organisation.edit',
  'organisation.admins.manage',
  'organisation.verify',
  'network.found',
  'network.join_request',
  'organisation.health.view',
  'organisation.reports.view',
] as const;
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

export interface OrganisationActor {
  signedIn: boolean;
  platformAdmin: boolean;
  orgAdmin: boolean;
}

export function canInOrganisation(actor: OrganisationActor, action: OrganisationAction): boolean {
  if (!actor.signedIn) return false;
  switch (action) {
    case 'organisation.create':
      return true;
    case 'organisation.verify':
      return actor.platformAdmin;
    case 'organisation.edit':
    case 'organisation.admins.manage':
    case 'network.found':
    // Asking an existing network to let the organisation take part (its meta-mentor decides).
    case 'network.join_request':
    case 'organisation.health.view':
    // The impact report across the networks the organisation founded.
    case 'organisation.reports.view':
      return actor.orgAdmin || actor.platformAdmin;
  }
}

/**
 * Platform-wide actions (no network or organisation involved): most for platform admins only; a
 * person's own data (export, deletion) for everyone signed in, about themselves alone.
 */
export const PLATFORM_ACTIONS = [
  'platform.jobs.manage',
  'directory.manage',
  'platform.legal.manage',
  'platform.settings.manage',
  'account.export',
  'account.passkeys.manage',
  'account.delete',
] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

export interface PlatformActor {
  signedIn: boolean;
  platformAdmin: boolean;
}

export function canOnPlatform(actor: PlatformActor, action: PlatformAction): boolean {
  switch (action) {
    // The operator view of the job queue: failed and stuck jobs, retry and drop.
    case 'platform.jobs.manage':
      return actor.signedIn && actor.platformAdmin;
    // The public directory's curation: directory-only entries, imports and claims.
    case 'directory.manage':
    // Publishing new versions of the privacy notice and the terms of use.
    case 'platform.legal.manage':
    // Platform settings such as requiring a second factor of the roles that hold the most data.
    case 'platform.settings.manage':
      return actor.signedIn && actor.platformAdmin;
    // GDPR Art. 15, 17, 20: the signed-in person exports or deletes their own account.
    case 'account.export':
    case 'account.delete':
    // The person's own passkeys: adding (after the password again), renaming, removing.
    case 'account.passkeys.manage':
      return actor.signedIn;
  }
}
