import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NetworkHealth } from '../../../common/contracts/network-health.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildEvent, utcLocal } from '../../test/events.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import { rollUpDay, rollUpDue } from './rollup.service.ts';

// A server process keeps the daily rows of a dashboard while the roll-ups' generation stands: what
// happens today shows at once all the same (what came after today's roll-up is read live), and a
// roll-up moves the generation on, after which the rows are read anew.
describe.each(DIALECTS)('the health dashboard’s cached daily rows on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows today’s discussions, requests, events, messages, answers, joins, attendance and active members at once, as the next roll-up counts them', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, {
      role: 'meta_mentor',
      user: await buildUser(t.ctx, { displayName: 'Maria Meta' }),
    });
    const member = await buildMember(t.ctx, network, { level: 'beginner' });
    const staff = await signIn(t.app, meta);
    const spy = vi.spyOn(t.ctx.metrics, 'observeQuery');
    const read = async () => {
      spy.mockClear();
      const res = await staff.get(`/api/networks/${network.slug}/health`);
      expect(res.statusCode, res.body).toBe(200);
      const health = res.json() as NetworkHealth;
      expect(health.full).toBe(true);
      const week = health.weeks.at(-1);
      if (!week) throw new Error('no weeks');
      return { health, week, statements: spy.mock.calls.length };
    };
    try {
      await buildTopic(t.ctx, network, meta.id);
      await rollUpDue(t.ctx);
      const first = await read();
      expect(first.week).toMatchObject({ discussions: 1, helpOpened: 0, active7: 1 });
      expect(first.health.current?.unansweredOverThreshold).toBe(0);
      expect(first.health.upcomingEvents).toEqual([]);
      const rolledAt = first.health.rolledAt;
      expect(rolledAt).not.toBeNull();

      // Read again: the daily rows come from the process (on PostgreSQL every statement is counted).
      const again = await read();
      expect(again.health).toEqual(first.health);
      if (dialect === 'postgres') expect(again.statements).toBeLessThan(first.statements);

      // A discussion, two requests (one of them unanswered for three days) and an event: at once.
      await buildTopic(t.ctx, network, member.id);
      await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: member.id });
      await buildHelpRequest(t.ctx, {
        networkId: network.id,
        requesterId: member.id,
        createdAt: isoNow(Date.now() - 3 * DAY),
      });
      await buildEvent(t.ctx, network, meta.id, {
        startsLocal: utcLocal(Date.now() + 2 * DAY),
        title: 'Summer café',
      });
      const after = await read();
      // The member who started a discussion and asked counts as active at once.
      expect(after.week).toMatchObject({ discussions: 2, helpOpened: 1, active7: 2, active30: 2 });
      expect(after.health.current?.unansweredOverThreshold).toBe(1);
      expect(after.health.upcomingEvents.map((e) => e.title)).toEqual(['Summer café']);
      expect(after.health.rolledAt).toBe(rolledAt);

      // The next roll-up counts the same: the process reads the daily rows anew.
      await rollUpDue(t.ctx);
      const rolled = await read();
      expect(rolled.week).toMatchObject({ discussions: 2, helpOpened: 1, active7: 2 });
      expect(rolled.health.rolledAt).not.toBeNull();
      expect(rolled.health.rolledAt).not.toBe(rolledAt);

      // After it: a newcomer joins and messages the meta-mentor, a request is answered, and someone
      // who was at the café is recorded as there today — each shows at once, before the next roll-up.
      const newcomer = await buildMember(t.ctx, network, { level: 'beginner' });
      const guest = await buildMember(t.ctx, network);
      const client = await signIn(t.app, newcomer);
      const conversation = await client.post('/api/conversations/direct', { userId: meta.id });
      expect(conversation.statusCode, conversation.body).toBeLessThan(300);
      const sent = await client.post(`/api/conversations/${conversation.json().id}/messages`, {
        body: 'Hello from a newcomer',
        clientId: 'health-today-1',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      await t.ctx.database.db
        .updateTable('helpRequests')
        .set({ firstResponseAt: isoNow(Date.now()), responseCount: 1 })
        .where('networkId', '=', network.id)
        .where('createdAt', '<', isoNow(Date.now() - DAY))
        .execute();
      // Met at midnight today (so that the test holds at any hour).
      const today = new Date().toISOString().slice(0, 10);
      const cafe = await buildEvent(t.ctx, network, meta.id, { startsLocal: `${today}T00:00` });
      await t.ctx.database.db
        .insertInto('eventAttendance')
        .values({
          eventId: cafe.id,
          occurrenceKey: `${today}T00:00`,
          userId: guest.id,
          recordedBy: meta.id,
          recordedAt: isoNow(Date.now()),
        })
        .execute();
      // A weekly series met today too, with two of its members there: one more event held.
      const series = await buildEvent(t.ctx, network, meta.id, {
        startsLocal: utcLocal(Date.parse(`${today}T00:00:00Z`) - 7 * DAY),
        recurrence: {
          freq: 'weekly',
          interval: 1,
          weekdays: [],
          monthly: 'day_of_month',
          until: null,
          count: null,
        },
      });
      for (const userId of [guest.id, meta.id]) {
        await t.ctx.database.db
          .insertInto('eventAttendance')
          .values({
            eventId: series.id,
            occurrenceKey: `${today}T00:00`,
            userId,
            recordedBy: meta.id,
            recordedAt: isoNow(Date.now()),
          })
          .execute();
      }
      const fresh = await read();
      expect(fresh.week).toMatchObject({
        messages: rolled.week.messages + 1,
        newMembers: rolled.week.newMembers + 2,
        attendance: rolled.week.attendance + 3,
        eventsHeld: rolled.week.eventsHeld + 2,
        helpAnswered: rolled.week.helpAnswered + 1,
        active7: 4,
        active30: 4,
      });
      expect(fresh.health.rolledAt).toBe(rolled.health.rolledAt);
      // The roll-up agrees with what was shown.
      await rollUpDue(t.ctx);
      expect((await read()).week).toEqual(fresh.week);
    } finally {
      spy.mockRestore();
    }
  });

  it('counts today up to the roll-up in its row, and adds on each read only what came after it', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const member = await buildMember(t.ctx, network, { level: 'beginner' });
    const staff = await signIn(t.app, meta);
    const read = async () => {
      const res = await staff.get(`/api/networks/${network.slug}/health`);
      expect(res.statusCode, res.body).toBe(200);
      const week = (res.json() as NetworkHealth).weeks.at(-1);
      if (!week) throw new Error('no weeks');
      return week;
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    const today = isoNow().slice(0, 10);
    await buildTopic(t.ctx, network, member.id);
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: member.id });
    await pause();
    const cut = Date.now();
    await rollUpDay(t.ctx, today, cut);
    const row = await t.ctx.database.db
      .selectFrom('healthDaily')
      .selectAll()
      .where('networkId', '=', network.id)
      .where('day', '=', today)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ discussions: 1, helpOpened: 1, activeMembers: 1, countedUntil: isoNow(cut) });
    expect(await read()).toMatchObject({ discussions: 1, helpOpened: 1, active7: 1 });

    // After the cut the member starts another discussion (still one active member) and the
    // meta-mentor a first one: each shows once, the rolled-up ones are not counted again.
    await pause();
    await buildTopic(t.ctx, network, member.id);
    await buildTopic(t.ctx, network, meta.id);
    const after = await read();
    expect(after).toMatchObject({ discussions: 3, helpOpened: 1, active7: 2, active30: 2 });

    // The next roll-up counts the same, up to its own cut.
    await pause();
    await rollUpDay(t.ctx, today);
    expect(await read()).toEqual(after);
  });
});
