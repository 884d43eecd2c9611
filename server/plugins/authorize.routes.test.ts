import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../common/errors.ts';
import {
  ACTOR_ORDER,
  EXPECTED_PLATFORM,
  expectedAllowed,
  type MatrixActor,
} from '../../common/permissions.expected.ts';
import {
  NETWORK_ACTIONS,
  type NetworkAction,
  PLATFORM_ACTIONS,
  type PlatformAction,
  VISIBILITIES,
  type Visibility,
} from '../../common/permissions.ts';
import type { AppContext } from '../context.ts';
import type { NetworkRow } from '../modules/networks/index.ts';
import { saveProfileAs } from '../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { freshClient, signIn, type TestClient } from '../test/client.ts';
import { buildTopic } from '../test/discussions.ts';
import { buildEvent, utcLocal, WEEKLY } from '../test/events.ts';
import {
  buildGoal,
  buildMember,
  buildNetwork,
  buildOrganisation,
  buildUser,
  DEFAULT_PASSWORD,
} from '../test/factories.ts';
import { buildHelpRequest } from '../test/help-requests.ts';
import { buildResource } from '../test/resources.ts';

/**
 * The role × action matrix of common/permissions.ts through the API: for every actor, visibility
 * and action one real request. An allowed cell must succeed (2xx), so every request is one that an
 * actor who may do it can really do; a denied cell must answer with the denial the API gives for
 * it (404 for a network one may not see, 401 signed out, AGREEMENT_REQUIRED for a member who has
 * not accepted yet, else 403).
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Call {
  method: Method;
  url: string;
  body?: unknown;
}

/** What the requests of one actor's network point at. */
interface Fixture {
  client: TestClient;
  networkId: string;
  slug: string;
  partnerSlug: string;
  /** A public network of another organisation, to ask for a partnership. */
  partnerNetworkSlug: string;
  /** A meta-mentor besides the actor (so a meta-mentor may leave), author of the topic, someone to message. */
  otherMetaId: string;
  /** A mentor the matrix removes, and one whose level it changes. */
  removableId: string;
  promotableId: string;
  topicId: string;
  goalId: string;
  /** A beginner mentor to pair (the actor themself when they are one) and an experienced mentor. */
  buddyBeginnerId: string;
  experiencedId: string;
  /** A help request of the other meta-mentor's. */
  helpRequestId: string;
  /** A weekly event that began a week ago, organised by the actor when they are a member. */
  eventId: string;
  /** A wiki page of the other meta-mentor's. */
  resourceId: string;
}

/**
 * These change the actor's standing or the network's documents, so they run after every other
 * action, in this order: publishing a new agreement, accepting the current one (which turns a
 * pending member into a full one), leaving.
 */
const RUNS_LAST: NetworkAction[] = ['documents.publish', 'documents.accept', 'membership.leave'];
const ORDERED_ACTIONS: NetworkAction[] = [
  ...NETWORK_ACTIONS.filter((a) => !RUNS_LAST.includes(a)),
  ...RUNS_LAST,
];

/** The current version of each document of a network, as the member would have read them. */
async function currentVersions(ctx: AppContext, networkId: string) {
  const rows = await ctx.database.db
    .selectFrom('networkDocuments')
    .select(['kind', (eb) => eb.fn.max('version').as('version')])
    .where('networkId', '=', networkId)
    .groupBy('kind')
    .execute();
  const version = (kind: string) => Number(rows.find((r) => r.kind === kind)?.version);
  return { agreementVersion: version('agreement'), rulesVersion: version('rules') };
}

/** One valid request per action: the one an actor who may do it would send. */
const REQUESTS: Record<NetworkAction, (fx: Fixture, ctx: AppContext) => Call | Promise<Call>> = {
  'network.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}` }),
  'network.edit': (fx) => ({
    method: 'PATCH',
    url: `/api/networks/${fx.slug}`,
    body: { description: 'Updated by the matrix test.' },
  }),
  'network.organisations.manage': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/organisations`,
    body: { organisationSlug: fx.partnerSlug },
  }),
  'members.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/members` }),
  'members.remove': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/members/${fx.removableId}/remove`,
    body: { reason: 'Removed by the matrix test.' },
  }),
  'members.change_role': (fx) => ({
    method: 'PATCH',
    url: `/api/networks/${fx.slug}/members/${fx.promotableId}`,
    body: { level: 'experienced' },
  }),
  'membership.leave': (fx) => ({ method: 'POST', url: `/api/networks/${fx.slug}/leave` }),
  'membership.set_leave': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/members/me/leave`,
    body: { until: null },
  }),
  'membership.tour': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/tour`,
    body: { status: 'skipped' },
  }),
  'invitations.manage': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/invitations` }),
  'applications.create': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/applications`,
    body: {
      motivation: 'I have mentored newcomers for years.',
      experience: 'Five years of volunteering with families.',
      languages: ['en'],
    },
  }),
  'applications.decide': (fx) => ({
    method: 'GET',
    url: `/api/networks/${fx.slug}/applications?status=pending`,
  }),
  'documents.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/documents` }),
  'documents.publish': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/documents/agreement`,
    body: { title: 'Agreement v2', body: 'A newer agreement text for the matrix test.' },
  }),
  'documents.accept': async (fx, ctx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/documents/accept`,
    body: await currentVersions(ctx, fx.networkId),
  }),
  'documents.acceptances.view': (fx) => ({
    method: 'GET',
    url: `/api/networks/${fx.slug}/documents/acceptances`,
  }),
  'office.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/office` }),
  'office.edit': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/office`,
    body: { contactEmail: null, contactPhone: null, address: null, onlineOnly: true, officeHours: 'Mondays' },
  }),
  'audit.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/audit` }),
  'discussions.read': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/topics/${fx.topicId}` }),
  'discussions.write': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/topics/${fx.topicId}/replies`,
    body: { body: 'A reply from the matrix test.' },
  }),
  'discussions.moderate': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/topics/${fx.topicId}/moderation`,
    body: { pinned: true },
  }),
  'spaces.manage': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/spaces`,
    body: { name: 'Matrix test space' },
  }),
  'announcements.post': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/announcements`,
    body: { title: 'Matrix announcement', body: 'From the matrix test.' },
  }),
  // Messaging someone is allowed exactly when both may `messages.send` in a network they share.
  'messages.send': (fx) => ({
    method: 'POST',
    url: '/api/conversations/direct',
    body: { userId: fx.otherMetaId },
  }),
  'mooc.manage': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/mooc-sessions` }),
  'roadmap.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/roadmap` }),
  'roadmap.manage': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/roadmap/steps/network_promoted`,
    body: { doneOn: '2025-01-01' },
  }),
  'goals.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/goals` }),
  'goals.manage': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/goals`,
    body: { title: 'Matrix test goal' },
  }),
  'goals.update': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/goals/${fx.goalId}/updates`,
    body: { value: 1 },
  }),
  'privacy.check': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/privacy-check`,
    body: { text: 'Meine Mentee wohnt in der Goethestraße 14.' },
  }),
  'buddies.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/buddies` }),
  // A beginner asks an experienced mentor for themself; the meta-mentor or office propose the pair.
  'buddies.ask': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/buddies`,
    body: { beginnerId: fx.buddyBeginnerId, mentorId: fx.experiencedId },
  }),
  'buddies.manage': (fx) => ({
    method: 'GET',
    url: `/api/networks/${fx.slug}/buddies/suggestions?for=${fx.buddyBeginnerId}`,
  }),
  'help.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/help-requests` }),
  'help.ask': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/help-requests`,
    body: { title: 'Matrix question', body: 'From the matrix test.' },
  }),
  'help.respond': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/help-requests/${fx.helpRequestId}/responses`,
    body: { body: 'A matrix response.' },
  }),
  // Runs after help.respond (the order of NETWORK_ACTIONS): the meta-mentor removes the request.
  'help.moderate': (fx) => ({
    method: 'DELETE',
    url: `/api/networks/${fx.slug}/help-requests/${fx.helpRequestId}`,
  }),
  'events.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/events` }),
  // The matrix networks let mentors create events (else only the meta-mentor and office may).
  'events.create': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/events`,
    body: {
      title: 'Matrix café',
      language: 'en',
      format: 'online',
      onlineUrl: 'https://meet.example.org/matrix',
      timeZone: 'Europe/Berlin',
      startsLocal: '2030-03-05T18:00',
      endsLocal: '2030-03-05T20:00',
    },
  }),
  // Organisers edit their own events; the meta-mentor and office any.
  'events.edit': (fx) => ({
    method: 'PATCH',
    url: `/api/networks/${fx.slug}/events/${fx.eventId}`,
    body: { title: 'Matrix café, renamed' },
  }),
  'events.rsvp': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/events/${fx.eventId}/rsvp`,
    body: { response: 'yes' },
  }),
  'events.attendance': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/events/${fx.eventId}/attendance`,
    body: { attendedIds: [fx.otherMetaId] },
  }),
  'resources.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/resources` }),
  'resources.create': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/resources`,
    body: { kind: 'page', title: 'Matrix page', body: 'From the **matrix** test.', language: 'en' },
  }),
  // Members edit pages unless the network keeps editing to its staff (policies/resources.ts).
  'resources.edit': (fx) => ({
    method: 'PATCH',
    url: `/api/networks/${fx.slug}/resources/${fx.resourceId}`,
    body: { baseRevision: 1, body: 'Edited by the matrix test.', summary: 'matrix' },
  }),
  'resources.manage': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/resources/start-here`,
    body: { resourceIds: [fx.resourceId] },
  }),
  // Reports name their item, not the network: the topic's network decides (with its usual denials).
  'content.report': (fx) => ({
    method: 'POST',
    url: '/api/reports',
    body: { kind: 'topic', id: fx.topicId, reason: 'spam', text: 'Reported by the matrix test.' },
  }),
  'moderation.review': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/moderation/reports` }),
  // Everyone inside sees the public part of the network's health; its staff see all and set thresholds.
  'health.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/health` }),
  'health.manage': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/health/settings`,
    body: { unansweredHours: 72 },
  }),
  'activities.log': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/activities`,
    body: { date: '2026-11-03', durationMinutes: 60, kind: 'meeting', menteeCode: 'M1', topics: ['work'] },
  }),
  'reports.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/reports/impact?format=csv` }),
  // Members open their own record; the meta-mentor and office anyone's.
  'records.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/members/me/record` }),
  'records.manage': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/members/${fx.otherMetaId}/record/checks`,
    body: { kind: 'Certificate of good conduct', seenOn: '2026-01-10', validUntil: '2029-01-10' },
  }),
  // How long a departed member's records are kept: the meta-mentor and office set it.
  'records.settings': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/records/settings`,
    body: { retentionMonths: 18 },
  }),
  'progression.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/succession` }),
  'progression.decide': (fx) => ({
    method: 'PUT',
    url: `/api/networks/${fx.slug}/deputy`,
    body: { userId: fx.experiencedId },
  }),
  'nudges.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/nudges` }),
  'partnerships.view': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/partnerships` }),
  'events.public': (fx) => ({ method: 'GET', url: `/api/networks/${fx.slug}/public-events` }),
  'partnerships.manage': (fx) => ({
    method: 'POST',
    url: `/api/networks/${fx.slug}/partnerships`,
    body: { networkSlug: fx.partnerNetworkSlug },
  }),
};

/** A member who has not accepted yet is held at the agreement where the accepted role may act. */
const ACCEPTED_ROLE: Partial<Record<MatrixActor, MatrixActor>> = {
  pending_mentor: 'mentor',
  pending_meta_mentor: 'meta_mentor',
};

/** The denial the API gives for a denied cell: [status, code]. */
function expectedDenial(
  action: NetworkAction,
  actor: MatrixActor,
  visibility: Visibility,
): [number, ErrorCode] {
  if (actor === 'visitor' && action !== 'messages.send' && visibility === 'private')
    return [404, 'NOT_FOUND'];
  if (actor === 'visitor') return [401, 'UNAUTHENTICATED'];
  if (action === 'messages.send') return [403, 'NO_SHARED_NETWORK'];
  if (actor === 'non_member' && visibility === 'private') return [404, 'NOT_FOUND'];
  const accepted = ACCEPTED_ROLE[actor];
  if (accepted && expectedAllowed(action, accepted, visibility)) return [403, 'AGREEMENT_REQUIRED'];
  return [403, 'FORBIDDEN'];
}

/** How an answer fits the cell: '' when it does, else what went wrong. */
function judge(
  res: LightMyRequestResponse,
  action: NetworkAction,
  actor: MatrixActor,
  visibility: Visibility,
): string {
  const code = res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
  const got = `${res.statusCode}${code ? ` ${code}` : ''}`;
  if (expectedAllowed(action, actor, visibility)) {
    return res.statusCode >= 200 && res.statusCode < 300
      ? ''
      : `expected 2xx, got ${got}: ${res.body.slice(0, 160)}`;
  }
  const [status, want] = expectedDenial(action, actor, visibility);
  return res.statusCode === status && code === want ? '' : `expected ${status} ${want}, got ${got}`;
}

describe('the matrix requests', () => {
  it('cover every action once, each in the order it can run', () => {
    expect([...ORDERED_ACTIONS].sort()).toEqual([...NETWORK_ACTIONS].sort());
    expect(Object.keys(REQUESTS).sort()).toEqual([...NETWORK_ACTIONS].sort());
  });
});

describe.each(DIALECTS)('permission matrix through the API on %s', (dialect) => {
  let t: TestApp;
  /** The action the route that answered the last request declares, if it declares one. */
  let declared: string | undefined;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.app.addHook('onRequest', async (request) => {
      declared = request.routeOptions.config?.action;
    });
  });
  afterAll(() => t.close());

  /** The account of an actor in a network (none for a visitor). */
  async function accountOf(
    actor: MatrixActor,
    network: NetworkRow,
    orgAdmin: { id: string; email: string; password: string },
  ): Promise<{ id: string; email: string; password: string } | undefined> {
    switch (actor) {
      case 'visitor':
        return undefined;
      case 'org_admin':
        return orgAdmin;
      case 'non_member':
        return buildUser(t.ctx);
      case 'platform_admin':
        return buildUser(t.ctx, { isPlatformAdmin: 1 });
      case 'pending_mentor':
        return buildMember(t.ctx, network, { role: 'mentor', accepted: false });
      case 'pending_meta_mentor':
        return buildMember(t.ctx, network, { role: 'meta_mentor', accepted: false });
      default:
        return buildMember(t.ctx, network, { role: actor });
    }
  }

  /**
   * A network of its own for one actor (its founding organisation's admin, a meta-mentor and four
   * mentors besides the actor, a topic and a goal) and a client signed in as that actor.
   */
  async function fixture(actor: MatrixActor, visibility: Visibility): Promise<Fixture> {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const partner = await buildOrganisation(t.ctx);
    const network = await buildNetwork(t.ctx, { organisationId: org.id, visibility, membersCreateEvents: 1 });
    const otherMeta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const removable = await buildMember(t.ctx, network, { role: 'mentor' });
    const promotable = await buildMember(t.ctx, network, { role: 'mentor', level: 'beginner' });
    const beginner = await buildMember(t.ctx, network, { role: 'mentor', level: 'beginner' });
    const experienced = await buildMember(t.ctx, network, { role: 'mentor', level: 'experienced' });
    // Open to being a buddy, so that a beginner may ask them by name (buddies.ask).
    await saveProfileAs(await signIn(t.app, experienced), { openToBuddy: true });
    const me = await accountOf(actor, network, orgAdmin);
    const topic = await buildTopic(t.ctx, network, otherMeta.id);
    const goal = await buildGoal(t.ctx, network, { createdBy: otherMeta.id });
    const isMember = ['mentor', 'office', 'meta_mentor', 'pending_mentor', 'pending_meta_mentor'].includes(
      actor,
    );
    const event = await buildEvent(t.ctx, network, isMember && me ? me.id : otherMeta.id, {
      startsLocal: utcLocal(Date.now() - 7 * 86_400_000),
      recurrence: WEEKLY,
    });
    return {
      client: me ? await signIn(t.app, me) : freshClient(t.app),
      networkId: network.id,
      slug: network.slug,
      partnerSlug: partner.slug,
      partnerNetworkSlug: (await buildNetwork(t.ctx, { organisationId: partner.id, visibility: 'public' }))
        .slug,
      otherMetaId: otherMeta.id,
      removableId: removable.id,
      promotableId: promotable.id,
      topicId: topic.topicId,
      goalId: goal.id,
      // A mentor of the matrix is a beginner: they ask for themself.
      buddyBeginnerId: actor === 'mentor' && me ? me.id : beginner.id,
      experiencedId: experienced.id,
      helpRequestId: await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: otherMeta.id }),
      eventId: event.id,
      resourceId: await buildResource(t.ctx, { networkId: network.id, authorId: otherMeta.id }),
    };
  }

  for (const visibility of VISIBILITIES) {
    for (const actor of ACTOR_ORDER) {
      it(`${visibility} network · ${actor}`, async () => {
        const fx = await fixture(actor, visibility);
        const wrong: string[] = [];
        for (const action of ORDERED_ACTIONS) {
          const { method, url, body } = await REQUESTS[action](fx, t.ctx);
          declared = undefined;
          const res = await fx.client.request(method, url, body);
          const problem = judge(res, action, actor, visibility);
          if (problem) wrong.push(`${action}: ${problem}`);
          // The request must reach the route of its action (once routes declare theirs).
          if (declared !== undefined && declared !== action)
            wrong.push(`${action}: ${method} ${url} reached a route that declares ${declared}`);
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

/** One real request per platform action: a platform admin may (2xx), others get 403, visitors 401. */
const PLATFORM_REQUESTS: Record<PlatformAction, (ctx: AppContext) => Promise<Call>> = {
  'platform.jobs.manage': async () => ({ method: 'GET', url: '/api/admin/jobs?state=failed' }),
  'directory.manage': async () => ({
    method: 'POST',
    url: '/api/directory',
    body: { name: 'Refugee Law Clinic', kind: 'ngo', country: 'DE', services: ['legal_asylum'] },
  }),
  'platform.legal.manage': async () => ({
    method: 'POST',
    url: '/api/admin/legal/privacy',
    body: { body: '# Privacy notice\n\nA version for the matrix test.', summary: 'Matrix test' },
  }),
  'platform.settings.manage': async () => ({
    method: 'PUT',
    url: '/api/admin/settings/security',
    body: { requireSecondFactor: false },
  }),
  'account.export': async () => ({ method: 'POST', url: '/api/me/export' }),
  'account.passkeys.manage': async () => ({
    method: 'POST',
    url: '/api/me/passkeys/registration/options',
    body: { currentPassword: DEFAULT_PASSWORD },
  }),
  // Last in PLATFORM_ACTIONS: it ends the actor's sessions.
  'account.delete': async () => ({
    method: 'POST',
    url: '/api/me/delete',
    body: { password: DEFAULT_PASSWORD },
  }),
};

describe.each(DIALECTS)('platform actions through the API on %s', (dialect) => {
  let t: TestApp;
  let declared: string | undefined;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.app.addHook('onRequest', async (request) => {
      declared = request.routeOptions.config?.action;
    });
  });
  afterAll(() => t.close());

  it('cover every platform action', () => {
    expect(Object.keys(PLATFORM_REQUESTS).sort()).toEqual([...PLATFORM_ACTIONS].sort());
  });

  for (const actor of ACTOR_ORDER) {
    it(actor, async () => {
      // Network roles play no part on the platform: everyone signed in is an account, admin or not.
      const client =
        actor === 'visitor'
          ? freshClient(t.app)
          : await signIn(
              t.app,
              await buildUser(t.ctx, { isPlatformAdmin: actor === 'platform_admin' ? 1 : 0 }),
            );
      const wrong: string[] = [];
      for (const action of PLATFORM_ACTIONS) {
        const { method, url, body } = await PLATFORM_REQUESTS[action](t.ctx);
        declared = undefined;
        const res = await client.request(method, url, body);
        const code =
          res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const allowed = EXPECTED_PLATFORM[action][ACTOR_ORDER.indexOf(actor)] === 'Y';
        const want = allowed ? '2xx' : actor === 'visitor' ? '401 UNAUTHENTICATED' : '403 FORBIDDEN';
        const got = res.statusCode < 300 ? '2xx' : `${res.statusCode} ${code}`;
        if (got !== want) wrong.push(`${action}: expected ${want}, got ${got}`);
        if (declared !== action)
          wrong.push(`${action}: ${method} ${url} reached a route that declares ${declared}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
