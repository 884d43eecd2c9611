import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  DriftingPage,
  NetworkHealth,
  OrganisationHealth,
} from '../../../common/contracts/network-health.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { newId } from '../../lib/ids.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildEvent, utcLocal } from '../../test/events.ts';
import { buildGoal, buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import type { NetworkRow } from '../networks/index.ts';
import { rollUpDay, rollUpDue } from './rollup.service.ts';

/** The scenario's "now": a Wednesday at noon (UTC); the clock is moved to when each thing happened. */
const NOW = Date.parse('2026-06-17T12:00:00.000Z');
const TODAY = '2026-06-17';
const at = (daysAgo: number, hour = 12) => NOW - daysAgo * DAY + (hour - 12) * 3_600_000;
const dayAgo = (daysAgo: number) => isoNow(at(daysAgo)).slice(0, 10);
const mondayOf = (day: string) => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return isoNow(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY).slice(0, 10);
};

describe.each(DIALECTS)('network health on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs `fn` with the clock moved to `ms`, then moves it back to NOW. */
  async function on<T>(ms: number, fn: () => Promise<T>): Promise<T> {
    vi.setSystemTime(ms);
    try {
      return await fn();
    } finally {
      vi.setSystemTime(NOW);
    }
  }

  /**
   * A network with a few months of history: active members falling week after week (4, 3, 2, 1),
   * one meta-mentor silent for four weeks, a member drifting away, an unanswered request, an
   * answered one, a goal past its due date, an event eight weeks ago and none since, a member who
   * has not accepted the agreement, a newcomer and a leaver.
   */
  async function scenario() {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const orgAdmin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const { network, people } = await on(at(100), async () => {
      const network = await buildNetwork(t.ctx, { organisationId: org.id, visibility: 'private' });
      const named = async (name: string, options: Parameters<typeof buildMember>[2] = {}) =>
        buildMember(t.ctx, network, { ...options, user: await buildUser(t.ctx, { displayName: name }) });
      return {
        network,
        people: {
          meta: await named('Maria Meta', { role: 'meta_mentor' }),
          u1: await named('Una One'),
          u2: await named('Udo Two'),
          u3: await named('Uta Three'),
          u4: await named('Uwe Four'),
          drifter: await named('Dana Drift'),
          pending: await named('Paul Pending', { accepted: false }),
          leaver: await named('Lea Leaver'),
        },
      };
    });
    const { meta, u1, u2, u3, u4, drifter, leaver } = people;
    const post = (userId: string, daysAgo: number) =>
      on(at(daysAgo), () => buildTopic(t.ctx, network, userId));
    // Active members (7 days) at today-21, -14, -7 and today: 4, 3, 2, 1.
    for (const u of [u1, u2, u3, u4]) await post(u.id, 21);
    for (const u of [u1, u2, u3]) await post(u.id, 14);
    for (const u of [u1, u2]) await post(u.id, 7);
    await post(u1.id, 0);
    await post(meta.id, 28);
    await post(drifter.id, 45);
    // Asked ten days ago at 10:00, answered at 12:00 (120 minutes); another open three days.
    const answered = await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: u2.id,
      createdAt: isoNow(at(10, 10)),
    });
    await t.ctx.database.db
      .insertInto('helpResponses')
      .values({
        id: newId(at(10)),
        requestId: answered,
        networkId: network.id,
        authorId: u1.id,
        bodySource: 'Try this.',
        bodyHtml: '<p>Try this.</p>',
        createdAt: isoNow(at(10)),
      })
      .execute();
    await t.ctx.database.db
      .updateTable('helpRequests')
      .set({ status: 'answered', responseCount: 1, firstResponseAt: isoNow(at(10)) })
      .where('id', '=', answered)
      .execute();
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: u1.id, createdAt: isoNow(at(3)) });
    // An event eight weeks ago that two came to; none since.
    const event = await on(at(60), () =>
      buildEvent(t.ctx, network, meta.id, { startsLocal: utcLocal(at(56, 18)), title: 'Spring café' }),
    );
    await t.ctx.database.db
      .insertInto('eventAttendance')
      .values(
        [u1.id, drifter.id].map((userId) => ({
          eventId: event.id,
          occurrenceKey: utcLocal(at(56, 18)),
          userId,
          recordedBy: meta.id,
          recordedAt: isoNow(at(56, 20)),
        })),
      )
      .execute();
    await buildGoal(t.ctx, network, {
      title: 'Twenty mentors',
      dueOn: dayAgo(5),
      startValue: 0,
      targetValue: 20,
    });
    await buildGoal(t.ctx, network, { title: 'Later goal', dueOn: dayAgo(-30) });
    await t.ctx.database.db
      .insertInto('buddyPairs')
      .values({
        id: newId(),
        networkId: network.id,
        beginnerId: u3.id,
        mentorId: u2.id,
        status: 'active',
        origin: 'staff',
        requestedBy: meta.id,
        note: '',
        createdAt: isoNow(at(20)),
        proposedAt: isoNow(at(20)),
        activatedAt: isoNow(at(19)),
        closedAt: null,
        closedBy: null,
        closeNote: '',
        closeReason: null,
        conversationId: null,
        lastReminderAt: null,
        updatedAt: isoNow(at(19)),
      })
      .execute();
    // A newcomer two days ago; a leaver four days ago.
    const newcomer = await on(at(2), () => buildMember(t.ctx, network, { role: 'mentor' }));
    await on(at(4), async () => {
      const client = await signIn(t.app, leaver);
      expect((await client.post(`/api/networks/${network.slug}/leave`)).statusCode).toBe(200);
    });
    // A direct message today.
    const client1 = await signIn(t.app, u1);
    const conversation = await client1.post('/api/conversations/direct', { userId: u2.id });
    expect(conversation.statusCode, conversation.body).toBeLessThan(300);
    const conversationId = (conversation.json() as { id: string }).id;
    const sent = await client1.post(`/api/conversations/${conversationId}/messages`, {
      clientId: newId(),
      body: 'Shall we meet?',
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);

    await rollUpDue(t.ctx, NOW);
    return { network, org, orgAdmin, people, newcomer };
  }

  const healthOf = async (network: NetworkRow, user: { email: string; password: string }, query = '') => {
    const client = await signIn(t.app, user);
    const res = await client.get(`/api/networks/${network.slug}/health${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { client, health: res.json() as NetworkHealth };
  };

  it('gives the staff weekly figures, figures of now, every warning and the drifting members', async () => {
    const { network, people } = await scenario();
    const { client, health } = await healthOf(network, people.meta);
    expect(health.full).toBe(true);
    expect(health.to).toBe(TODAY);
    expect(health.weeks).toHaveLength(12);
    expect(health.from).toBe(health.weeks[0]?.weekStart);
    const week = (daysAgo: number) => health.weeks.find((w) => w.weekStart === mondayOf(dayAgo(daysAgo)));
    // This week (Monday to today): u1 posted and messaged; a newcomer. Last Sunday u1 asked.
    expect(week(0)).toMatchObject({ active7: 1, newMembers: 1, messages: 1, helpOpened: 0 });
    expect(week(3)).toMatchObject({ helpOpened: 1 });
    expect(week(4)).toMatchObject({ leavers: 1 });
    expect(week(10)).toMatchObject({ helpOpened: 1, helpAnswered: 1, medianFirstAnswerMinutes: 120 });
    expect(week(56)).toMatchObject({ eventsHeld: 1, attendance: 2 });
    expect(week(21)).toMatchObject({ discussions: 4 });
    expect(week(0)?.members).toBe(8);

    expect(health.current).toEqual({
      members: 8,
      metaMentors: 1,
      unansweredOverThreshold: 1,
      agreementPercent: 88,
      buddiesPaired: 1,
      drifting: 1,
    });
    expect(health.driftingNextCursor).toBeNull();
    expect(health.drifting).toEqual([
      { id: people.drifter.id, displayName: 'Dana Drift', lastActiveOn: dayAgo(45) },
    ]);
    expect(health.warnings.map((w) => w.code).sort()).toEqual(
      [
        'activity_falling',
        'goal_overdue',
        'meta_mentor_inactive',
        'no_recent_event',
        'requests_unanswered',
        'single_meta_mentor',
      ].sort(),
    );
    expect(health.warnings).toContainEqual({
      code: 'meta_mentor_inactive',
      subject: 'Maria Meta',
      count: 28,
      actionPath: `/networks/${network.slug}/members`,
    });
    expect(health.warnings).toContainEqual(
      expect.objectContaining({ code: 'goal_overdue', subject: 'Twenty mentors' }),
    );
    expect(health.goals.find((g) => g.title === 'Twenty mentors')).toMatchObject({
      overdue: true,
      percent: 0,
    });

    // A stricter agreement threshold (a network setting) raises the agreement warning; audited.
    const put = await client.request('PUT', `/api/networks/${network.slug}/health/settings`, {
      agreementPercent: 90,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ agreementPercent: 90, unansweredHours: 48 });
    const after = (await client.get(`/api/networks/${network.slug}/health`)).json() as NetworkHealth;
    expect(after.warnings).toContainEqual(
      expect.objectContaining({ code: 'agreement_not_accepted', count: 1 }),
    );
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('action', '=', 'health.settings_changed')
      .execute();
    expect(audit).toHaveLength(1);

    // Longer waits before "unanswered" and more weeks without events silence those warnings.
    await client.request('PUT', `/api/networks/${network.slug}/health/settings`, {
      unansweredHours: 96,
      eventGapWeeks: 10,
    });
    const relaxed = (await client.get(`/api/networks/${network.slug}/health`)).json() as NetworkHealth;
    const codes = relaxed.warnings.map((w) => w.code);
    expect(codes).not.toContain('requests_unanswered');
    expect(codes).not.toContain('no_recent_event');

    // One meta-mentor with a named deputy has a successor: that warning goes.
    expect(codes).toContain('single_meta_mentor');
    const named = await client.request('PUT', `/api/networks/${network.slug}/deputy`, {
      userId: people.u3.id,
    });
    expect(named.statusCode, named.body).toBeLessThan(300);
    const withDeputy = (await client.get(`/api/networks/${network.slug}/health`)).json() as NetworkHealth;
    expect(withDeputy.warnings.map((w) => w.code)).not.toContain('single_meta_mentor');

    // A span of its own: whole weeks from the Monday of `from`.
    const span = (
      await client.get(`/api/networks/${network.slug}/health?from=${dayAgo(20)}&to=${dayAgo(6)}`)
    ).json() as NetworkHealth;
    expect(span.from).toBe(mondayOf(dayAgo(20)));
    expect(span.to).toBe(dayAgo(6));
    expect(span.weeks.length).toBe(3);
  });

  it('lists the first drifting members with the dashboard and the rest page by page, to its staff only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { network, meta, mentor } = await on(at(100), async () => {
      const network = await buildNetwork(t.ctx, { visibility: 'private' });
      return {
        network,
        meta: await buildMember(t.ctx, network, { role: 'meta_mentor' }),
        mentor: await buildMember(t.ctx, network),
      };
    });
    // 25 members last active 40–49 days ago (several on one day: the order goes on by id).
    for (let i = 0; i < 25; i++) {
      const drifter = await on(at(99), () => buildMember(t.ctx, network));
      await on(at(40 + (i % 10)), () => buildTopic(t.ctx, network, drifter.id));
    }
    await on(at(1), () => buildTopic(t.ctx, network, meta.id));
    // The days since (an earlier test of this file already rolled up the history).
    for (let daysAgo = 50; daysAgo >= 0; daysAgo--) await rollUpDay(t.ctx, dayAgo(daysAgo), NOW);

    const { client, health } = await healthOf(network, meta);
    expect(health.current?.drifting).toBe(25);
    expect(health.drifting).toHaveLength(20);
    expect(health.driftingNextCursor).not.toBeNull();
    const all = await client.get(`/api/networks/${network.slug}/health/drifting?limit=100`);
    expect(all.statusCode, all.body).toBe(200);
    const everyone = (all.json() as DriftingPage).members;
    expect(everyone).toHaveLength(25);
    expect(everyone.map((m) => [m.lastActiveOn, m.id])).toEqual(
      everyone
        .map((m) => [m.lastActiveOn, m.id])
        .sort(([d1 = '', i1 = ''], [d2 = '', i2 = '']) =>
          d1 === d2 ? (i1 < i2 ? -1 : 1) : d1 < d2 ? 1 : -1,
        ),
    );
    // The dashboard's first 20, then pages of 2 from its cursor: each once, in the same order.
    const seen = [...health.drifting];
    let cursor = health.driftingNextCursor;
    // Three pages of 2 hold the last 5; a cursor that does not move on ends the loop too.
    for (let pages = 0; cursor && pages < 6; pages++) {
      const res = await client.get(
        `/api/networks/${network.slug}/health/drifting?limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as DriftingPage;
      seen.push(...page.members);
      cursor = page.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(everyone);

    for (const forged of ['nonsense', encodeCursor(['not a day', '2026-01-01', 'x'])]) {
      const res = await client.get(`/api/networks/${network.slug}/health/drifting?cursor=${forged}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const asMentor = await signIn(t.app, mentor);
    expect((await asMentor.get(`/api/networks/${network.slug}/health/drifting`)).statusCode).toBe(403);
  });

  it('shows a mentor only goals and upcoming events, and the organisation its networks side by side', async () => {
    const { network, org, orgAdmin, people } = await scenario();
    await buildEvent(t.ctx, network, people.meta.id, {
      startsLocal: utcLocal(at(-5, 18)),
      title: 'Summer café',
    });
    const { health } = await healthOf(network, people.u3);
    expect(health).toMatchObject({
      full: false,
      current: null,
      weeks: [],
      warnings: [],
      drifting: [],
      settings: null,
    });
    expect(health.goals.map((g) => g.title)).toEqual(['Twenty mentors', 'Later goal']);
    expect(health.upcomingEvents.map((e) => e.title)).toEqual(['Summer café']);

    const { health: asAdmin } = await healthOf(network, orgAdmin);
    expect(asAdmin.full).toBe(true);

    const admin = await signIn(t.app, orgAdmin);
    const res = await admin.get(`/api/organisations/${org.slug}/health`);
    expect(res.statusCode, res.body).toBe(200);
    const side = res.json() as OrganisationHealth;
    expect(side.networks).toHaveLength(1);
    expect(side.networks[0]).toMatchObject({ slug: network.slug, active7: 1, current: { members: 8 } });
    expect(side.networks[0]?.warnings.length).toBeGreaterThan(0);

    const mentor = await signIn(t.app, people.u3);
    expect((await mentor.get(`/api/organisations/${org.slug}/health`)).statusCode).toBe(403);
    expect(
      (await mentor.request('PUT', `/api/networks/${network.slug}/health/settings`, { fallingWeeks: 4 }))
        .statusCode,
    ).toBe(403);
  });
});
