import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_ORDER, expectedAllowed, type MatrixActor } from '../../../common/permissions.expected.ts';
import type { NetworkAction } from '../../../common/permissions.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { buildTopic } from '../../test/discussions.ts';

const DENIED = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'AGREEMENT_REQUIRED',
  'NOT_FOUND',
  'NO_SHARED_NETWORK',
]);

/** One request per action; the order matters (publishing and leaving change the network, so they come last). */
function requestFor(
  action: NetworkAction,
  slug: string,
  fx: {
    strangerId: string;
    partnerSlug: string;
    memberId: string;
    topicId: string;
    spaceId: string;
    goalId: string;
  },
) {
  const n = `/api/networks/${slug}`;
  const plan: Record<NetworkAction, [string, string, unknown?]> = {
    'network.view': ['GET', n],
    'network.edit': ['PATCH', n, { description: 'Updated by the matrix test.' }],
    'network.organisations.manage': ['POST', `${n}/organisations`, { organisationSlug: fx.partnerSlug }],
    'members.view': ['GET', `${n}/members`],
    'members.remove': ['POST', `${n}/members/${fx.strangerId}/remove`, { reason: 'matrix test reason' }],
    'members.change_role': ['PATCH', `${n}/members/${fx.strangerId}`, { level: 'experienced' }],
    'invitations.manage': ['GET', `${n}/invitations`],
    'applications.create': [
      'POST',
      `${n}/applications`,
      {
        motivation: 'I have mentored newcomers for years.',
        experience: 'Five years of volunteering.',
        languages: ['en'],
      },
    ],
    'applications.decide': ['GET', `${n}/applications?status=pending`],
    'documents.view': ['GET', `${n}/documents`],
    // Versions that do not exist: an authorized caller gets DOCUMENT_CHANGED and nothing changes.
    'documents.accept': ['POST', `${n}/documents/accept`, { agreementVersion: 99, rulesVersion: 99 }],
    'documents.acceptances.view': ['GET', `${n}/documents/acceptances`],
    'office.view': ['GET', `${n}/office`],
    'office.edit': [
      'PUT',
      `${n}/office`,
      { contactEmail: null, contactPhone: null, address: null, onlineOnly: true, officeHours: 'Mondays' },
    ],
    'audit.view': ['GET', `${n}/audit`],
    // Messaging someone is allowed exactly when both may `messages.send` in a network they share.
    'messages.send': ['POST', '/api/conversations/direct', { userId: fx.memberId }],
    'discussions.read': ['GET', `${n}/topics/${fx.topicId}`],
    'discussions.write': [
      'POST',
      `${n}/topics/${fx.topicId}/replies`,
      { body: 'A reply from the matrix test.' },
    ],
    'discussions.moderate': ['PUT', `${n}/topics/${fx.topicId}/moderation`, { pinned: true }],
    'spaces.manage': ['POST', `${n}/spaces`, { name: 'Matrix test space' }],
    'announcements.post': [
      'POST',
      `${n}/announcements`,
      { title: 'Matrix announcement', body: 'From the test.' },
    ],
    'mooc.manage': ['GET', `${n}/mooc-sessions`],
    'roadmap.view': ['GET', `${n}/roadmap`],
    'roadmap.manage': ['PUT', `${n}/roadmap/steps/network_promoted`, { doneOn: '2025-01-01' }],
    'goals.view': ['GET', `${n}/goals`],
    'goals.manage': ['POST', `${n}/goals`, { title: 'Matrix test goal' }],
    'goals.update': ['POST', `${n}/goals/${fx.goalId}/updates`, { value: 1 }],
    'documents.publish': [
      'POST',
      `${n}/documents/agreement`,
      { title: 'Agreement v2', body: 'A newer agreement text for tests.' },
    ],
    'membership.leave': ['POST', `${n}/leave`],
  };
  return plan[action];
}

const ORDERED_ACTIONS: NetworkAction[] = [
  'network.view',
  'network.edit',
  'network.organisations.manage',
  'members.view',
  'members.remove',
  'members.change_role',
  'invitations.manage',
  'applications.create',
  'applications.decide',
  'documents.view',
  'documents.accept',
  'documents.acceptances.view',
  'office.view',
  'office.edit',
  'audit.view',
  'messages.send',
  'discussions.read',
  'discussions.write',
  'discussions.moderate',
  'spaces.manage',
  'announcements.post',
  'mooc.manage',
  'roadmap.view',
  'roadmap.manage',
  'goals.view',
  'goals.manage',
  'goals.update',
  'documents.publish',
  'membership.leave',
];

describe.each(DIALECTS)('permission matrix through the API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** A network of its own for one actor, with every role filled, and a client signed in as that actor. */
  async function fixture(actor: MatrixActor, visibility: 'public' | 'private') {
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const partner = await buildOrganisation(t.ctx);
    const network = await buildNetwork(t.ctx, { organisationId: org.id, visibility });
    const spare = await buildMember(t.ctx, network, { role: 'meta_mentor' }); // so a meta-mentor may leave
    const members: Partial<Record<MatrixActor, { email: string; password: string }>> = {
      org_admin: orgAdmin,
      non_member: await buildUser(t.ctx),
      platform_admin: await buildUser(t.ctx, { isPlatformAdmin: 1 }),
      mentor: await buildMember(t.ctx, network, { role: 'mentor' }),
      pending_mentor: await buildMember(t.ctx, network, { role: 'mentor', accepted: false }),
      office: await buildMember(t.ctx, network, { role: 'office' }),
      meta_mentor: await buildMember(t.ctx, network, { role: 'meta_mentor' }),
      pending_meta_mentor: await buildMember(t.ctx, network, { role: 'meta_mentor', accepted: false }),
    };
    const stranger = await buildUser(t.ctx);
    const topic = await buildTopic(t.ctx, network, spare.id);
    const goalId = newId();
    await t.ctx.database.db
      .insertInto('goals')
      .values({
        id: goalId,
        networkId: network.id,
        title: 'Matrix goal',
        description: '',
        unit: null,
        startValue: 0,
        targetValue: 10,
        dueOn: null,
        createdBy: spare.id,
        createdAt: isoNow(),
        updatedAt: isoNow(),
        archivedAt: null,
      })
      .execute();
    const client = new TestClient(t.app);
    const account = members[actor];
    if (account) {
      const login = await client.post('/api/auth/login', {
        email: account.email,
        password: account.password,
      });
      expect(login.statusCode).toBe(200);
    }
    return {
      client,
      slug: network.slug,
      strangerId: stranger.id,
      partnerSlug: partner.slug,
      memberId: spare.id,
      topicId: topic.topicId,
      spaceId: topic.spaceId,
      goalId,
    };
  }

  function outcome(res: LightMyRequestResponse): 'allowed' | 'denied' {
    expect(res.statusCode, res.body).toBeLessThan(500);
    const code = res.statusCode >= 400 ? (res.json() as { error: { code: string } }).error.code : undefined;
    return code && DENIED.has(code) ? 'denied' : 'allowed';
  }

  for (const visibility of ['public', 'private'] as const) {
    for (const actor of ACTOR_ORDER) {
      it(`${visibility} network · ${actor}`, async () => {
        const fx = await fixture(actor, visibility);
        const rows: string[] = [];
        for (const action of ORDERED_ACTIONS) {
          const [method, url, body] = requestFor(action, fx.slug, fx);
          const res = await fx.client.request(method as 'GET', url, body);
          const got = outcome(res);
          const want = expectedAllowed(action, actor, visibility) ? 'allowed' : 'denied';
          rows.push(
            `${action}: ${got}${got === want ? '' : `  ✗ expected ${want} (${res.statusCode} ${res.body.slice(0, 120)})`}`,
          );
        }
        expect(rows.filter((r) => r.includes('✗'))).toEqual([]);
      });
    }
  }
});
