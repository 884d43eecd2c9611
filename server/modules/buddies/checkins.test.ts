import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { notificationsOf, saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser, mailsTo } from '../../test/factories.ts';
import {
  CHECKIN_JOB,
  isCheckinDue,
  lastContactOf,
  nextCheckinRunAt,
  runCheckins,
  startBuddyJobs,
} from './checkins.service.ts';

describe('check-in timing', () => {
  it('takes the latest of activation, last reminder and last message as the last contact', () => {
    const pair = { activatedAt: '2026-01-01T10:00:00.000Z', lastReminderAt: null };
    expect(lastContactOf(pair)).toBe('2026-01-01T10:00:00.000Z');
    expect(lastContactOf(pair, '2026-02-01T10:00:00.000Z')).toBe('2026-02-01T10:00:00.000Z');
    expect(
      lastContactOf({ ...pair, lastReminderAt: '2026-03-01T10:00:00.000Z' }, '2026-02-01T10:00:00.000Z'),
    ).toBe('2026-03-01T10:00:00.000Z');
    expect(lastContactOf({ activatedAt: null, lastReminderAt: null })).toBe('');
  });

  it('is due after four weeks without contact, not a moment before', () => {
    const last = Date.parse('2026-01-01T10:00:00.000Z');
    expect(isCheckinDue('2026-01-01T10:00:00.000Z', last + 28 * DAY - 1)).toBe(false);
    expect(isCheckinDue('2026-01-01T10:00:00.000Z', last + 28 * DAY)).toBe(true);
    expect(isCheckinDue('', last + 100 * DAY)).toBe(false);
  });

  it('runs an hour before the daily digest', () => {
    const morning = Date.parse('2026-01-01T05:00:00.000Z');
    expect(nextCheckinRunAt(morning, 7)).toBe('2026-01-01T06:00:00.000Z');
    expect(nextCheckinRunAt(morning + 2 * HOUR, 7)).toBe('2026-01-02T06:00:00.000Z');
    expect(nextCheckinRunAt(morning, 0)).toBe('2026-01-01T23:00:00.000Z');
  });
});

describe.each(DIALECTS)('buddy check-ins on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** An active pairing made through the API, so that the two have their conversation. */
  async function activePair() {
    const network = await buildNetwork(t.ctx);
    const base = `/api/networks/${network.slug}/buddies`;
    const beginnerUser = await buildMember(t.ctx, network, {
      level: 'beginner',
      user: await buildUser(t.ctx, { displayName: 'Nadia New' }),
    });
    const mentorUser = await buildMember(t.ctx, network, {
      level: 'experienced',
      user: await buildUser(t.ctx, { displayName: 'Milan Mentor' }),
    });
    const beginner = await signIn(t.app, beginnerUser);
    const mentor = await signIn(t.app, mentorUser);
    await saveProfileAs(mentor, { openToBuddy: true });
    const asked = (await beginner.post(base, { mentorId: mentorUser.id })).json();
    const active = (await mentor.patch(`${base}/${asked.id}`, { status: 'active' })).json();
    expect(active.status).toBe('active');
    return { network, base, beginner, mentor, beginnerUser, mentorUser, pair: active };
  }

  const checkins = (userId: string) => notificationsOf(t.ctx, userId, 'buddy_checkin');

  it('reminds both buddies gently after four weeks without contact, once, then four weeks later again', async () => {
    const { beginnerUser, mentorUser, beginner, pair } = await activePair();
    // Even with "at once" chosen, a reminder waits for the digest.
    await beginner.request('PUT', '/api/me/notification-preferences', { email: { buddies: 'immediate' } });
    const now = Date.now();
    await runCheckins(t.ctx, now + 27 * DAY);
    expect(await checkins(beginnerUser.id)).toHaveLength(0);

    await runCheckins(t.ctx, now + 29 * DAY);
    const [toBeginner] = await checkins(beginnerUser.id);
    const [toMentor] = await checkins(mentorUser.id);
    expect(toBeginner).toMatchObject({
      actorId: mentorUser.id,
      conversationId: pair.conversationId,
      email: 'daily',
    });
    expect(toMentor).toMatchObject({ actorId: beginnerUser.id, conversationId: pair.conversationId });
    // A second run (a retry, a restart, another instance) reminds nobody twice.
    await runCheckins(t.ctx, now + 29 * DAY);
    await runCheckins(t.ctx, now + 29 * DAY + 27 * DAY);
    expect(await checkins(beginnerUser.id)).toHaveLength(1);
    // Four weeks after the reminder, still without a message: one more.
    await runCheckins(t.ctx, now + 29 * DAY + 28 * DAY);
    expect(await checkins(beginnerUser.id)).toHaveLength(2);
    expect(await checkins(mentorUser.id)).toHaveLength(2);
  });

  it('counts a message between the two as contact', async () => {
    const { beginnerUser, mentor, pair } = await activePair();
    await t.ctx.database.db
      .updateTable('buddyPairs')
      .set({ activatedAt: isoNow(Date.now() - 40 * DAY) })
      .where('id', '=', pair.id)
      .execute();
    const sent = await mentor.post(`/api/conversations/${pair.conversationId}/messages`, {
      clientId: 'how-are-you',
      body: 'How did the appointment go?',
    });
    expect(sent.statusCode).toBe(201);
    expect(await runCheckins(t.ctx, Date.now())).toBe(0);
    expect(await checkins(beginnerUser.id)).toHaveLength(0);
    await runCheckins(t.ctx, Date.parse(sent.json().createdAt) + 28 * DAY);
    expect(await checkins(beginnerUser.id)).toHaveLength(1);
  });

  it('leaves pairings alone where a buddy no longer takes part, and ended ones', async () => {
    const { mentorUser, beginner, network } = await activePair();
    expect((await beginner.post(`/api/networks/${network.slug}/leave`)).statusCode).toBeLessThan(300);
    await runCheckins(t.ctx, Date.now() + 29 * DAY);
    expect(await checkins(mentorUser.id)).toHaveLength(0);

    const second = await activePair();
    await second.mentor.patch(`${second.base}/${second.pair.id}`, { status: 'ended' });
    await runCheckins(t.ctx, Date.now() + 29 * DAY);
    expect(await checkins(second.mentorUser.id)).toHaveLength(0);
    expect(await checkins(second.beginnerUser.id)).toHaveLength(0);
  });

  it('goes out in the daily digest, in the reader’s language', async () => {
    const { beginnerUser } = await activePair();
    await t.ctx.database.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', beginnerUser.id)
      .execute();
    await runCheckins(t.ctx, Date.now() + 29 * DAY);
    // The digest is due: its job runs now.
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: isoNow(Date.now() - 1000) })
      .where('kind', '=', 'notifications.digest')
      .where('status', '=', 'pending')
      .execute();
    await t.ctx.jobs.drain();
    const [mail] = await mailsTo(t.ctx, beginnerUser.email);
    expect(mail?.subject).toBe('Deine tägliche mentorNET-Zusammenfassung: 2 neue Benachrichtigungen');
    expect(mail?.text).toContain(
      '• Du und dein Buddy Milan Mentor habt euch seit vier Wochen nicht geschrieben. Wie wäre es mit einem kurzen Hallo?',
    );
    expect(mail?.text).toContain('• Milan Mentor hat das Buddy-Tandem angenommen: sag Hallo!');
  });

  it('keeps one scheduled run across restarts, and schedules the next after each run', async () => {
    const pending = () =>
      t.ctx.database.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', CHECKIN_JOB)
        .where('status', '=', 'pending')
        .execute();
    expect(await pending()).toHaveLength(1);
    await startBuddyJobs(t.ctx);
    await startBuddyJobs(t.ctx);
    expect(await pending()).toHaveLength(1);
    const [job] = await pending();
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: isoNow(Date.now() - 1000) })
      .where('id', '=', job?.id ?? '')
      .execute();
    await t.ctx.jobs.drain();
    const after = await pending();
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(job?.id);
    expect(Date.parse(after[0]?.runAt ?? '')).toBeGreaterThan(Date.now());
  });
});
