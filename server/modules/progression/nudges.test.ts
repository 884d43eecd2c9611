import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { notificationsOf } from '../../test/buddies.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser, mailsTo } from '../../test/factories.ts';
import { buildEvent, utcLocal, WEEKLY } from '../../test/events.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import { notify } from '../notifications/index.ts';
import { runNudges } from './index.ts';
import { NUDGE_JOB } from './nudges.service.ts';

describe.each(DIALECTS)('nudges on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Runs the daily digest now (its job is due). */
  async function runDigestNow() {
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: isoNow(Date.now() - 1000) })
      .where('kind', '=', 'notifications.digest')
      .where('status', '=', 'pending')
      .execute();
    await t.ctx.jobs.drain();
  }

  /** A network where one member was last active `days` ago (they asked for help then). */
  async function drifting(days: number) {
    const network = await buildNetwork(t.ctx, { name: 'Harbour Mentors' });
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const member = await buildMember(t.ctx, network, {
      user: await buildUser(t.ctx, { displayName: 'Dana Drift' }),
    });
    const quiet = await buildMember(t.ctx, network);
    await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: member.id,
      createdAt: isoNow(Date.now() - days * DAY),
    });
    // Something happened since: a newer request of the meta-mentor's, still unanswered.
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: metaUser.id });
    return { network, metaUser, member, quiet };
  }

  const nudgesOf = (userId: string) => notificationsOf(t.ctx, userId, 'nudge_reengagement');

  it('nudges a drifting member at most once in 30 days, and logs what it said for staff', async () => {
    const { network, metaUser, member, quiet } = await drifting(40);
    const now = Date.now();
    expect(await runNudges(t.ctx, now)).toBeGreaterThanOrEqual(1);
    expect(await nudgesOf(member.id)).toHaveLength(1);
    // Never active at all: not drifting; the meta-mentor is active: not drifting either.
    expect(await nudgesOf(quiet.id)).toHaveLength(0);
    expect(await nudgesOf(metaUser.id)).toHaveLength(0);

    // The next day, and 29 days later (still drifting): nothing new.
    await runNudges(t.ctx, now + DAY);
    await runNudges(t.ctx, now + 29 * DAY);
    expect(await nudgesOf(member.id)).toHaveLength(1);
    // 30 days after the first nudge (last active 70 days ago, still drifting): one more.
    await runNudges(t.ctx, now + 30 * DAY);
    expect(await nudgesOf(member.id)).toHaveLength(2);

    const meta = await signIn(t.app, metaUser);
    const log = await meta.get(`/api/networks/${network.slug}/nudges`);
    expect(log.statusCode).toBe(200);
    const mine = log
      .json()
      .nudges.filter(
        (n: { userId: string; kind: string }) => n.userId === member.id && n.kind === 'reengagement',
      );
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({
      kind: 'reengagement',
      displayName: 'Dana Drift',
      sentAt: isoNow(now + 30 * DAY),
    });
    expect(mine[1].details).toMatchObject({ helpRequests: 1, suggestion: 'answer_help' });
    const mentor = await signIn(t.app, quiet);
    expect((await mentor.get(`/api/networks/${network.slug}/nudges`)).statusCode).toBe(403);
  });

  it('bundles the nudge with the day’s other news into one mail, in the member’s language', async () => {
    const { network, metaUser, member } = await drifting(45);
    await t.ctx.database.db.updateTable('users').set({ locale: 'de' }).where('id', '=', member.id).execute();
    const client = await signIn(t.app, member);
    // Even "at once" waits for the digest: one mail a day where one will do.
    await client.request('PUT', '/api/me/notification-preferences', { email: { reengagement: 'immediate' } });
    await runNudges(t.ctx);
    await notify(t.ctx, {
      userId: member.id,
      kind: 'progression_experienced',
      networkId: network.id,
      actorId: metaUser.id,
    });
    const [nudge] = await nudgesOf(member.id);
    expect(nudge).toMatchObject({ email: 'daily' });
    expect(await mailsTo(t.ctx, member.email)).toHaveLength(0);
    await runDigestNow();
    const mails = await mailsTo(t.ctx, member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Wir haben dich eine Weile nicht in Harbour Mentors gesehen.');
    expect(mails[0]?.text).toContain(
      'als erfahrene Mentorin bzw. erfahrenen Mentor in Harbour Mentors bestätigt',
    );
  });

  it('sends no mail to a member who turned the kind off (they still see it in the app)', async () => {
    const { member } = await drifting(50);
    const client = await signIn(t.app, member);
    const saved = await client.request('PUT', '/api/me/notification-preferences', {
      email: { reengagement: 'off' },
    });
    expect(saved.json().email.reengagement).toBe('off');
    await runNudges(t.ctx);
    const [nudge] = await nudgesOf(member.id);
    expect(nudge).toMatchObject({ email: 'off' });
    await runDigestNow();
    expect(await mailsTo(t.ctx, member.email)).toHaveLength(0);
  });

  it('tells members who did not open the app all week what they missed, once a week', async () => {
    const network = await buildNetwork(t.ctx);
    const away = await buildMember(t.ctx, network);
    const here = await buildMember(t.ctx, network);
    const now = Date.now();
    await signIn(t.app, away);
    await signIn(t.app, here);
    await t.ctx.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: isoNow(now - 8 * DAY) })
      .where('userId', '=', away.id)
      .execute();
    const missed = (userId: string) => notificationsOf(t.ctx, userId, 'nudge_missed');
    // Nothing happened this week: nothing to tell.
    await runNudges(t.ctx, now);
    expect(await missed(away.id)).toHaveLength(0);
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: here.id });
    await runNudges(t.ctx, now);
    expect(await missed(away.id)).toHaveLength(1);
    expect(await missed(here.id)).toHaveLength(0);
    expect((await missed(away.id))[0]).toMatchObject({ networkId: network.id, email: 'daily' });
    await runNudges(t.ctx, now + 6 * DAY);
    expect(await missed(away.id)).toHaveLength(1);
  });

  it('asks for helpers and tells of events coming up once a week, all in one mail a day', async () => {
    const network = await buildNetwork(t.ctx, { name: 'Riverside Circle' });
    const organiser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const asker = await buildMember(t.ctx, network);
    const helper = await buildMember(t.ctx, network, {
      level: 'experienced',
      user: await buildUser(t.ctx, { displayName: 'Hana Helper' }),
    });
    const going = await buildMember(t.ctx, network);
    await t.ctx.database.db.updateTable('users').set({ locale: 'pl' }).where('id', '=', helper.id).execute();
    const now = Date.now();
    // Waiting two days without a response or an offer; one asked an hour ago does not want helpers yet.
    const waiting = await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: asker.id,
      createdAt: isoNow(now - 2 * DAY),
    });
    await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: asker.id,
      createdAt: isoNow(now - HOUR),
    });
    const meetup = await buildEvent(t.ctx, network, organiser.id, {
      startsLocal: utcLocal(now + 3 * DAY),
      title: 'Spring meetup',
    });
    await t.ctx.database.db
      .insertInto('eventRsvps')
      .values({ eventId: meetup.id, userId: going.id, response: 'yes', waiting: 0, respondedAt: isoNow(now) })
      .execute();
    // The asker wants no e-mail about events: they see the nudge in the app only.
    await (await signIn(t.app, asker)).request('PUT', '/api/me/notification-preferences', {
      email: { upcoming_events: 'off' },
    });
    const helpWanted = (userId: string) => notificationsOf(t.ctx, userId, 'nudge_help_wanted');
    const comingUp = (userId: string) => notificationsOf(t.ctx, userId, 'nudge_upcoming_events');

    await runNudges(t.ctx, now);
    expect(await helpWanted(helper.id)).toHaveLength(1);
    expect(await comingUp(helper.id)).toHaveLength(1);
    expect(await helpWanted(asker.id)).toHaveLength(0); // their own request
    expect(await comingUp(asker.id)).toMatchObject([{ email: 'off', eventId: meetup.id }]);
    expect(await comingUp(going.id)).toHaveLength(0); // answered already
    expect(await comingUp(organiser.id)).toHaveLength(0); // organises it
    // Something else for the helper today: still one mail, in Polish, with all of it.
    await notify(t.ctx, { userId: helper.id, kind: 'progression_experienced', networkId: network.id });
    expect(await mailsTo(t.ctx, helper.email)).toHaveLength(0);
    await runDigestNow();
    const mails = await mailsTo(t.ctx, helper.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Prośby o pomoc w Riverside Circle wciąż czekają');
    expect(mails[0]?.text).toContain(
      'W tym tygodniu w Riverside Circle są wydarzenia, pierwsze: „Spring meetup”',
    );
    expect(await mailsTo(t.ctx, asker.email)).toHaveLength(0);

    // The next day and six days later the request still waits and the meetup is ahead: nothing new.
    await runNudges(t.ctx, now + DAY);
    await runNudges(t.ctx, now + 6 * DAY);
    expect(await helpWanted(helper.id)).toHaveLength(1);
    expect(await comingUp(helper.id)).toHaveLength(1);
    await runDigestNow();
    expect(await mailsTo(t.ctx, helper.email)).toHaveLength(1);

    // A week on, the request still waits and another event is ahead: one more of each, one more mail.
    await buildEvent(t.ctx, network, organiser.id, {
      startsLocal: utcLocal(now + 9 * DAY),
      title: 'Summer walk',
    });
    await runNudges(t.ctx, now + 7 * DAY);
    expect(await helpWanted(helper.id)).toHaveLength(2);
    expect(await comingUp(helper.id)).toHaveLength(2);
    await runDigestNow();
    expect(await mailsTo(t.ctx, helper.email)).toHaveLength(2);

    // Once answered, the request wants nobody any more.
    await t.ctx.database.db
      .updateTable('helpRequests')
      .set({ responseCount: 1 })
      .where('id', '=', waiting)
      .execute();
    await runNudges(t.ctx, now + 14 * DAY);
    expect(await helpWanted(helper.id)).toHaveLength(2);

    // Staff see what was sent.
    const staff = await signIn(t.app, organiser);
    const log = (await staff.get(`/api/networks/${network.slug}/nudges`)).json();
    // (They were told "what you missed" too, having never opened the app.)
    const helperNudges = log.nudges.filter(
      (n: { userId: string; kind: string }) => n.userId === helper.id && n.kind !== 'missed',
    );
    expect(helperNudges.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'help_wanted',
      'help_wanted',
      'upcoming_events',
      'upcoming_events',
    ]);
    // Newest first: a week on, the request asked an hour before the first run wanted helpers too.
    const asked = helperNudges.filter((n: { kind: string }) => n.kind === 'help_wanted');
    expect(asked.map((n: { details: unknown }) => n.details)).toEqual([
      { requests: 2, requestIds: [waiting, expect.any(String)] },
      { requests: 1, requestIds: [waiting] },
    ]);
    expect(helperNudges.find((n: { kind: string }) => n.kind === 'upcoming_events').details).toMatchObject({
      events: 1,
      firstTitle: 'Summer walk',
    });
  });

  it('counts every meeting of a series in the week ahead, not only its first', async () => {
    const network = await buildNetwork(t.ctx, { name: 'Daily Walkers' });
    const organiser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const coOrganiser = await buildMember(t.ctx, network);
    const member = await buildMember(t.ctx, network);
    const now = Date.now();
    // A daily series that began two weeks ago (its first meeting is long past) …
    const startsLocal = utcLocal(Math.floor((now - 14 * DAY) / HOUR) * HOUR + 2 * HOUR);
    const walk = await buildEvent(t.ctx, network, organiser.id, {
      title: 'Morning walk',
      startsLocal,
      recurrence: { ...WEEKLY, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
    });
    await t.ctx.database.db
      .insertInto('eventOrganisers')
      .values({ eventId: walk.id, userId: coOrganiser.id })
      .execute();
    // … with one of the week's meetings cancelled, and a one-off event later in the week.
    await t.ctx.database.db
      .insertInto('eventOccurrences')
      .values({
        eventId: walk.id,
        occurrenceKey: utcLocal(Date.parse(`${startsLocal}:00Z`) + 17 * DAY),
        state: 'cancelled',
        startsLocal: null,
        endsLocal: null,
        updatedAt: isoNow(now),
      })
      .execute();
    const fair = await buildEvent(t.ctx, network, organiser.id, {
      title: 'Book fair',
      startsLocal: utcLocal(now + 4 * DAY),
    });
    // A meeting beyond the week does not count.
    await buildEvent(t.ctx, network, organiser.id, { startsLocal: utcLocal(now + 9 * DAY) });

    await runNudges(t.ctx, now);
    const comingUp = (userId: string) => notificationsOf(t.ctx, userId, 'nudge_upcoming_events');
    expect(await comingUp(member.id)).toMatchObject([{ eventId: walk.id }]);
    // Co-organisers organise it: no nudge for them.
    expect(await comingUp(coOrganiser.id)).toHaveLength(0);
    const logged = await t.ctx.database.db
      .selectFrom('nudgeLog')
      .select('details')
      .where('userId', '=', member.id)
      .where('kind', '=', 'upcoming_events')
      .execute();
    expect(logged).toHaveLength(1);
    // Seven daily walks in the week, one cancelled, and the fair.
    expect(JSON.parse(logged[0]?.details ?? '{}')).toEqual({
      events: 7,
      eventIds: [walk.id, fair.id],
      firstTitle: 'Morning walk',
      firstStartsAt: new Date(Date.parse(`${startsLocal}:00Z`) + 14 * DAY).toISOString(),
    });
  });

  it('keeps one scheduled nudge run', async () => {
    const pending = await t.ctx.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', NUDGE_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
  });
});
