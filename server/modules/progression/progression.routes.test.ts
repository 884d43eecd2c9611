import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { notificationsOf } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import type { NetworkRow } from '../networks/index.ts';
import { deputyOf, hasDeputy } from './index.ts';

describe.each(DIALECTS)('role progression and succession on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const db = () => t.ctx.database.db;

  /** Backdates a member's joining. */
  async function joinedDaysAgo(network: NetworkRow, userId: string, days: number) {
    await db()
      .updateTable('memberships')
      .set({ joinedAt: isoNow(Date.now() - days * DAY) })
      .where('networkId', '=', network.id)
      .where('userId', '=', userId)
      .execute();
  }

  /** `count` responses of the member to someone else's help request. */
  async function helped(network: NetworkRow, helperId: string, requesterId: string, count: number) {
    const requestId = await buildHelpRequest(t.ctx, { networkId: network.id, requesterId });
    for (let i = 0; i < count; i++) {
      await db()
        .insertInto('helpResponses')
        .values({
          id: newId(),
          requestId,
          networkId: network.id,
          authorId: helperId,
          bodySource: 'Here is how we did it.',
          bodyHtml: '<p>Here is how we did it.</p>',
          createdAt: isoNow(),
        })
        .execute();
    }
  }

  async function setting() {
    const network = await buildNetwork(t.ctx);
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const officeUser = await buildMember(t.ctx, network, { role: 'office' });
    const ready = await buildMember(t.ctx, network, {
      level: 'beginner',
      user: await buildUser(t.ctx, { displayName: 'Rania Ready' }),
    });
    const fresh = await buildMember(t.ctx, network, { level: 'beginner' });
    await joinedDaysAgo(network, ready.id, 200);
    await helped(network, ready.id, metaUser.id, 3);
    const meta = await signIn(t.app, metaUser);
    const office = await signIn(t.app, officeUser);
    const mentor = await signIn(t.app, fresh);
    return { network, metaUser, officeUser, ready, fresh, meta, office, mentor };
  }

  it('suggests a beginner with reasons, and the meta-mentor confirms: level raised, member told', async () => {
    const { network, ready, fresh, meta, office, mentor } = await setting();
    const url = `/api/networks/${network.slug}/progression/suggestions`;
    const listed = await office.get(url);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().suggestions).toEqual([
      expect.objectContaining({
        userId: ready.id,
        displayName: 'Rania Ready',
        step: 'experienced',
        reasons: ['time_in_network', 'help_given'],
      }),
    ]);
    expect((await mentor.get(url)).statusCode).toBe(403);
    // The office sees but does not decide.
    const byOffice = await office.request('PUT', `${url}/${ready.id}/experienced`, { decision: 'confirmed' });
    expect(byOffice.statusCode).toBe(403);

    const notSuggested = await meta.request('PUT', `${url}/${fresh.id}/experienced`, {
      decision: 'confirmed',
    });
    expect([notSuggested.statusCode, errorCode(notSuggested)]).toEqual([409, 'PROGRESSION_NOT_SUGGESTED']);

    const confirmed = await meta.request('PUT', `${url}/${ready.id}/experienced`, { decision: 'confirmed' });
    expect(confirmed.statusCode).toBe(204);
    const membership = await db()
      .selectFrom('memberships')
      .select('level')
      .where('networkId', '=', network.id)
      .where('userId', '=', ready.id)
      .executeTakeFirstOrThrow();
    expect(membership.level).toBe('experienced');
    const told = await notificationsOf(t.ctx, ready.id, 'progression_experienced');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ networkId: network.id, email: 'daily' });
    expect((await meta.get(url)).json().suggestions).toEqual([]);
  });

  it('remembers a dismissal and tells nobody', async () => {
    const { network, ready, meta } = await setting();
    const url = `/api/networks/${network.slug}/progression/suggestions`;
    const dismissed = await meta.request('PUT', `${url}/${ready.id}/experienced`, { decision: 'dismissed' });
    expect(dismissed.statusCode).toBe(204);
    expect((await meta.get(url)).json().suggestions).toEqual([]);
    expect(await notificationsOf(t.ctx, ready.id)).toHaveLength(0);
    const level = await db()
      .selectFrom('memberships')
      .select('level')
      .where('networkId', '=', network.id)
      .where('userId', '=', ready.id)
      .executeTakeFirstOrThrow();
    expect(level.level).toBe('beginner');
  });

  it('ranks successors with reasons and names a deputy in one action', async () => {
    const { network, metaUser, officeUser, ready, meta, office } = await setting();
    const url = `/api/networks/${network.slug}/succession`;
    const before = (await office.get(url)).json();
    expect(before.metaMentorCount).toBe(1);
    expect(before.deputy).toBeNull();
    expect(before.candidates.map((c: { userId: string }) => c.userId)).not.toContain(metaUser.id);
    // The active beginner who helps outranks the office member who has been silent.
    expect(before.candidates[0]).toMatchObject({
      userId: ready.id,
      isDeputy: false,
      reasons: ['recently_active', 'time_in_network', 'help_given'],
    });
    expect(before.candidates[1]).toMatchObject({ userId: officeUser.id, reasons: ['office_role'] });
    expect(await hasDeputy(t.ctx, network.id)).toBe(false);

    const self = await meta.request('PUT', `/api/networks/${network.slug}/deputy`, { userId: metaUser.id });
    expect([self.statusCode, errorCode(self)]).toEqual([422, 'DEPUTY_SELF']);
    const outsider = await buildUser(t.ctx);
    const notMember = await meta.request('PUT', `/api/networks/${network.slug}/deputy`, {
      userId: outsider.id,
    });
    expect([notMember.statusCode, errorCode(notMember)]).toEqual([422, 'NOT_A_MEMBER']);
    const byOffice = await office.request('PUT', `/api/networks/${network.slug}/deputy`, {
      userId: ready.id,
    });
    expect(byOffice.statusCode).toBe(403);

    const named = await meta.request('PUT', `/api/networks/${network.slug}/deputy`, { userId: ready.id });
    expect(named.statusCode).toBe(200);
    expect(named.json().deputy).toMatchObject({ userId: ready.id, displayName: 'Rania Ready' });
    expect(named.json().candidates.find((c: { userId: string }) => c.userId === ready.id)?.isDeputy).toBe(
      true,
    );
    expect(await hasDeputy(t.ctx, network.id)).toBe(true);
    expect(await deputyOf(t.ctx, network.id)).toMatchObject({ userId: ready.id });
    const audit = await db()
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('action', '=', 'deputy.named')
      .execute();
    expect(audit).toHaveLength(1);

    // A deputy who leaves the network is no deputy any more.
    const deputy = await signIn(t.app, ready);
    expect((await deputy.post(`/api/networks/${network.slug}/leave`)).statusCode).toBeLessThan(300);
    expect(await hasDeputy(t.ctx, network.id)).toBe(false);
    expect((await office.get(url)).json().deputy).toBeNull();
  });

  it('ranks a confirmed meta-mentor candidate first', async () => {
    const { network, officeUser, meta } = await setting();
    const senior = await buildMember(t.ctx, network, { level: 'experienced' });
    await joinedDaysAgo(network, senior.id, 400);
    await helped(network, senior.id, officeUser.id, 10);
    // Two pairings as the experienced buddy, one of them over.
    for (const status of ['active', 'ended'] as const) {
      const beginner = await buildMember(t.ctx, network, { level: 'beginner' });
      await db()
        .insertInto('buddyPairs')
        .values({
          id: newId(),
          networkId: network.id,
          beginnerId: beginner.id,
          mentorId: senior.id,
          status,
          origin: 'staff',
          requestedBy: null,
          note: '',
          createdAt: isoNow(),
          proposedAt: isoNow(),
          activatedAt: isoNow(),
          closedAt: status === 'ended' ? isoNow() : null,
          closedBy: null,
          closeNote: '',
          closeReason: null,
          conversationId: null,
          lastReminderAt: null,
          updatedAt: isoNow(),
        })
        .execute();
    }
    const suggestions = (await meta.get(`/api/networks/${network.slug}/progression/suggestions`)).json();
    const candidate = suggestions.suggestions.find((s: { userId: string }) => s.userId === senior.id);
    expect(candidate?.step).toBe('meta_mentor_candidate');
    expect(candidate?.reasons).toEqual(['long_standing', 'help_given', 'buddies_mentored']);
    const confirmed = await meta.request(
      'PUT',
      `/api/networks/${network.slug}/progression/suggestions/${senior.id}/meta_mentor_candidate`,
      { decision: 'confirmed' },
    );
    expect(confirmed.statusCode).toBe(204);
    expect(await notificationsOf(t.ctx, senior.id, 'progression_candidate')).toHaveLength(1);
    const succession = (await meta.get(`/api/networks/${network.slug}/succession`)).json();
    expect(succession.candidates[0]).toMatchObject({ userId: senior.id });
    expect(succession.candidates[0].reasons).toContain('candidate_confirmed');
  });
});
