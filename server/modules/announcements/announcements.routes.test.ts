import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_POST_CHARS, mentionToken } from '../../../common/contracts/discussions.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { recordEvents } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser, mailsTo } from '../../test/factories.ts';
import { ANNOUNCEMENT_NOTIFY_JOB } from './announcements.service.ts';

describe.each(DIALECTS)('announcements on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function setup() {
    const network = await buildNetwork(t.ctx, { name: 'Mentors of Testhausen' });
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const officeUser = await buildMember(t.ctx, network, { role: 'office' });
    const mentorDe = await buildMember(t.ctx, network, { user: await buildUser(t.ctx, { locale: 'de' }) });
    const mentorAr = await buildMember(t.ctx, network, { user: await buildUser(t.ctx, { locale: 'ar' }) });
    const pendingUser = await buildMember(t.ctx, network, { accepted: false });
    return {
      network,
      slug: network.slug,
      metaUser,
      officeUser,
      mentorDe,
      mentorAr,
      pendingUser,
      meta: await signIn(t.app, metaUser),
      office: await signIn(t.app, officeUser),
      mentor: await signIn(t.app, mentorDe),
    };
  }

  /** Runs the announcement job (and only it) as the worker would. */
  async function runNotifyJobs() {
    const jobs = await t.ctx.database.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', ANNOUNCEMENT_NOTIFY_JOB)
      .execute();
    expect(jobs.length).toBeGreaterThan(0);
    await t.ctx.jobs.drain();
  }

  it('lets meta-mentors and the office post; pins it, sends it live and mails every member in their language', async () => {
    const { network, slug, meta, office, mentor, metaUser, officeUser, mentorDe, mentorAr, pendingUser } =
      await setup();
    // A member whose e-mail address is not confirmed yet is told too.
    const unconfirmed = await buildMember(t.ctx, network, {
      user: await buildUser(t.ctx, { emailVerifiedAt: null }),
    });
    const rec = recordEvents(t.ctx);
    const res = await meta.post(`/api/networks/${slug}/announcements`, {
      title: 'Sommerfest am Samstag',
      body: `Alle sind eingeladen! Fragen an ${mentionToken(officeUser)}.`,
    });
    expect(res.statusCode).toBe(201);
    const announcement = res.json();
    expect(announcement).toMatchObject({
      title: 'Sommerfest am Samstag',
      pinned: true,
      author: { id: metaUser.id },
    });
    expect(announcement.bodyHtml).toContain(`data-user-id="${officeUser.id}"`);
    expect(rec.of('announcement.created').map((e) => e.room)).toEqual([`network:${network.id}`]);
    rec.stop();

    const byOffice = await office.post(`/api/networks/${slug}/announcements`, {
      title: 'Office closed on Monday',
      body: 'The office is closed on Monday.',
    });
    expect(byOffice.statusCode).toBe(201);

    await runNotifyJobs();
    const german = await mailsTo(t.ctx, mentorDe.email);
    expect(german.map((m) => m.subject)).toEqual(
      expect.arrayContaining(['Ankündigung in Mentors of Testhausen: Sommerfest am Samstag']),
    );
    const mail = german.find((m) => m.subject.includes('Sommerfest'));
    expect(mail?.text).toContain('Alle sind eingeladen!');
    expect(mail?.text).toContain(`/networks/${slug}`);
    const arabic = await mailsTo(t.ctx, mentorAr.email);
    expect(arabic.some((m) => m.subject === 'إعلان في Mentors of Testhausen: Sommerfest am Samstag')).toBe(
      true,
    );
    // Everyone is told, also members who have not accepted the agreement yet; not the author.
    expect((await mailsTo(t.ctx, pendingUser.email)).length).toBe(2);
    expect((await mailsTo(t.ctx, unconfirmed.email)).length).toBe(2);
    const inApp = await t.ctx.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('userId', '=', unconfirmed.id)
      .execute();
    expect(inApp.map((n) => n.kind)).toEqual(['announcement', 'announcement']);
    expect((await mailsTo(t.ctx, metaUser.email)).map((m) => m.subject)).toEqual([
      'Announcement in Mentors of Testhausen: Office closed on Monday',
    ]);

    const pinned = (await mentor.get(`/api/networks/${slug}/announcements/pinned`)).json().announcements;
    expect(pinned.map((a: { title: string }) => a.title)).toEqual([
      'Office closed on Monday',
      'Sommerfest am Samstag',
    ]);
  });

  it('unpins, lists everything newest first with cursors, and refuses bad input', async () => {
    const { slug, meta, mentor, office } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await meta.post(`/api/networks/${slug}/announcements`, { title: `News ${i}`, body: 'x' })).json().id,
      );
    }
    const unpinned = await office.patch(`/api/networks/${slug}/announcements/${ids[0]}`, { pinned: false });
    expect(unpinned.json().pinned).toBe(false);
    const pinned = (await mentor.get(`/api/networks/${slug}/announcements/pinned`)).json().announcements;
    expect(pinned.map((a: { id: string }) => a.id)).toEqual(ids.slice(1).reverse());

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await mentor.get(`/api/networks/${slug}/announcements?limit=2${query}`)).json();
      seen.push(...page.announcements.map((a: { id: string }) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const post = (body: unknown) => meta.post(`/api/networks/${slug}/announcements`, body);
    expect(errorCode(await post({ title: 'Empty', body: '' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await post({ title: 'Huge', body: 'x'.repeat(MAX_POST_CHARS + 1) }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await post({ body: 'No title' }))).toBe('VALIDATION_FAILED');
    const stranger = await buildUser(t.ctx);
    expect(errorCode(await post({ title: 'Mention', body: mentionToken(stranger) }))).toBe(
      'MENTION_NOT_MEMBER',
    );
    const other = await buildNetwork(t.ctx);
    const otherMeta = await signIn(t.app, await buildMember(t.ctx, other, { role: 'meta_mentor' }));
    const foreign = (
      await otherMeta.post(`/api/networks/${other.slug}/announcements`, { title: 'Theirs', body: 'x' })
    ).json();
    expect(
      errorCode(await meta.patch(`/api/networks/${slug}/announcements/${foreign.id}`, { pinned: false })),
    ).toBe('NOT_FOUND');
  });

  it('lets only meta-mentors and the office post, and only members who accepted read', async () => {
    const { network, slug, mentor, pendingUser } = await setup();
    expect(
      errorCode(await mentor.post(`/api/networks/${slug}/announcements`, { title: 'Mine', body: 'x' })),
    ).toBe('FORBIDDEN');
    const pending = await signIn(t.app, pendingUser);
    expect(errorCode(await pending.get(`/api/networks/${slug}/announcements/pinned`))).toBe(
      'AGREEMENT_REQUIRED',
    );
    expect(errorCode(await new TestClient(t.app).get(`/api/networks/${slug}/announcements/pinned`))).toBe(
      'UNAUTHENTICATED',
    );
    const outsider = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await outsider.get(`/api/networks/${slug}/announcements`))).toBe('FORBIDDEN');
    const pendingMeta = await signIn(
      t.app,
      await buildMember(t.ctx, network, { role: 'meta_mentor', accepted: false }),
    );
    expect(
      errorCode(await pendingMeta.post(`/api/networks/${slug}/announcements`, { title: 'Early', body: 'x' })),
    ).toBe('AGREEMENT_REQUIRED');
    expect(errorCode(await mentor.patch(`/api/networks/${slug}/announcements/nope`, { pinned: false }))).toBe(
      'FORBIDDEN',
    );
  });
});
