import type { NetworkAction, NetworkActor, PlatformAction } from './permissions.ts';

/**
 * The expected permission matrix, written out by hand for the tests (unit and route level): one
 * letter per actor in ACTOR_ORDER. Y = allowed, - = denied. It describes public networks; unlisted
 * ones are the same except that nobody can apply, and in private ones visitors and non-members
 * see nothing at all.
 */
const base: NetworkActor = {
  signedIn: true,
  platformAdmin: false,
  orgAdmin: false,
  role: null,
  acceptedCurrent: false,
};
export const MATRIX_ACTORS = {
  visitor: { ...base, signedIn: false },
  non_member: base,
  pending_mentor: { ...base, role: 'mentor', acceptedCurrent: false },
  mentor: { ...base, role: 'mentor', acceptedCurrent: true },
  office: { ...base, role: 'office', acceptedCurrent: true },
  meta_mentor: { ...base, role: 'meta_mentor', acceptedCurrent: true },
  pending_meta_mentor: { ...base, role: 'meta_mentor', acceptedCurrent: false },
  org_admin: { ...base, orgAdmin: true },
  platform_admin: { ...base, platformAdmin: true },
} satisfies Record<string, NetworkActor>;
export type MatrixActor = keyof typeof MATRIX_ACTORS;
export const ACTOR_ORDER = Object.keys(MATRIX_ACTORS) as MatrixActor[];

export const EXPECTED_PUBLIC: Record<NetworkAction, string> = {
  'network.view': 'YYYYYYYYY',
  'network.edit': '-----Y-YY',
  'network.organisations.manage': '-----Y-YY',
  'members.view': '---YYY-YY',
  'members.remove': '-----Y-YY',
  'members.change_role': '-----Y-YY',
  'membership.leave': '--YYYYY--',
  'membership.set_leave': '---YYY---',
  'membership.tour': '---YYY---',
  'invitations.manage': '----YY-YY',
  'applications.create': '-Y-------',
  'applications.decide': '----YY-YY',
  'documents.view': 'YYYYYYYYY',
  'documents.publish': '-----Y-YY',
  'documents.accept': '--YYYYY--',
  'documents.acceptances.view': '-----Y-YY',
  'office.view': 'YYYYYYYYY',
  'office.edit': '----YY-YY',
  'audit.view': '-----Y--Y',
  'discussions.read': '---YYY---',
  'discussions.write': '---YYY---',
  'discussions.moderate': '-----Y---',
  'spaces.manage': '-----Y---',
  'announcements.post': '----YY---',
  'messages.send': '---YYY---',
  'mooc.manage': '-----Y-YY',
  'roadmap.view': '---YYY-YY',
  'roadmap.manage': '-----Y--Y',
  'goals.view': '---YYY-YY',
  'goals.manage': '-----Y--Y',
  'goals.update': '---YYY---',
  'privacy.check': '---YYY---',
  'buddies.view': '---YYY---',
  'buddies.ask': '---YYY---',
  'buddies.manage': '----YY---',
  'help.view': '---YYY---',
  'help.ask': '---YYY---',
  'help.respond': '---YYY---',
  'help.moderate': '-----Y---',
  'events.view': '---YYY-YY',
  'events.create': '---YYY---',
  'events.edit': '---YYY---',
  'events.rsvp': '---YYY---',
  'events.attendance': '----YY---',
  'events.public': 'YYYYYYYYY',
  'resources.view': '---YYY-YY',
  'resources.create': '---YYY---',
  'resources.edit': '---YYY---',
  'resources.manage': '----YY---',
  'content.report': '---YYY---',
  'moderation.review': '-----Y--Y',
  'health.view': '---YYY-YY',
  'health.manage': '----YY-YY',
  'activities.log': '---YYY---',
  'reports.view': '----YY-YY',
  'records.view': '---YYY---',
  'records.manage': '----YY---',
  'records.settings': '----YY---',
  'progression.view': '----YY---',
  'progression.decide': '-----Y---',
  'nudges.view': '----YY---',
  'partnerships.view': 'YY-YYY-YY',
  'partnerships.manage': '-----Y---',
};

/** Platform actions, per actor of ACTOR_ORDER (their network role plays no part). */
export const EXPECTED_PLATFORM: Record<PlatformAction, string> = {
  'platform.jobs.manage': '--------Y',
  'directory.manage': '--------Y',
  'platform.legal.manage': '--------Y',
  'platform.settings.manage': '--------Y',
  'account.export': '-YYYYYYYY',
  'account.passkeys.manage': '-YYYYYYYY',
  'account.delete': '-YYYYYYYY',
};

/** Whether the matrix allows an action for an actor in a network of the given visibility. */
export function expectedAllowed(
  action: NetworkAction,
  actor: MatrixActor,
  visibility: 'public' | 'unlisted' | 'private',
): boolean {
  if (visibility === 'private' && (actor === 'visitor' || actor === 'non_member')) return false;
  if (visibility !== 'public' && action === 'applications.create') return false;
  return EXPECTED_PUBLIC[action][ACTOR_ORDER.indexOf(actor)] === 'Y';
}
