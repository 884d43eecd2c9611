import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, isoNow } from '../../lib/time.ts';
import { notificationsOf } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser, mailsTo } from '../../test/factories.ts';
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
