import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProfileAs } from '../../test/buddies.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { sessionCookie, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, mailsTo } from '../../test/factories.ts';
import { connectWs, wsUrl } from '../../test/realtime.ts';

describe.each(DIALECTS)('buddy pairing live, by mail and in the directory on %s', (dialect) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = wsUrl(t.app);
  });
  afterAll(() => t.close());

  it('brings a proposal to the buddy and the staff without reload, and to nobody else', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/buddies`;
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const office = await buildMember(t.ctx, network, { role: 'office' });
    const beginner = await buildMember(t.ctx, network, { level: 'beginner' });
    const mentor = await buildMember(t.ctx, network, { level: 'experienced' });
    const bystander = await buildMember(t.ctx, network, { level: 'experienced' });
    const sockets = {
      mentor: await connectWs(url, { cookie: await sessionCookie(t.app, mentor) }),
      office: await connectWs(url, { cookie: await sessionCookie(t.app, office) }),
      bystander: await connectWs(url, { cookie: await sessionCookie(t.app, bystander) }),
    };
    const staff = await signIn(t.app, meta);
    const proposed = (await staff.post(base, { beginnerId: beginner.id, mentorId: mentor.id })).json();

    const expected = {
      networkId: network.id,
      networkSlug: network.slug,
      pairId: proposed.id,
      status: 'proposed',
    };
    expect((await sockets.mentor.waitFor('buddy.changed')).data).toEqual(expected);
    expect((await sockets.office.waitFor('buddy.changed')).data).toEqual(expected);
    await sockets.bystander.expectNoFrame(t.ctx, 'buddy.changed');

    await (await signIn(t.app, mentor)).patch(`${base}/${proposed.id}`, { status: 'active' });
    await sockets.office.waitFor('buddy.changed', (f) => f.data.status === 'active');
    // The accepted pair's conversation reaches the buddy's socket too.
    await sockets.mentor.waitFor('conversation.created');
    await sockets.bystander.expectNoFrame(t.ctx, 'buddy.changed');
    for (const socket of Object.values(sockets)) await socket.close();
  });

  it('e-mails pairing news as each person chose: at once, in the digest, or not at all', async () => {
    const network = await buildNetwork(t.ctx);
    const base = `/api/networks/${network.slug}/buddies`;
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const beginner = await buildMember(t.ctx, network, { level: 'beginner' });
    const eager = await buildMember(t.ctx, network, { level: 'experienced' });
    const quiet = await buildMember(t.ctx, network, { level: 'experienced' });
    const eagerClient = await signIn(t.app, eager);
    const put = (client: typeof eagerClient, buddies: string) =>
      client.request('PUT', '/api/me/notification-preferences', { email: { buddies } });
    expect((await put(eagerClient, 'immediate')).json().email.buddies).toBe('immediate');
    await put(await signIn(t.app, quiet), 'off');
    const staff = await signIn(t.app, meta);

    await staff.post(base, { beginnerId: beginner.id, mentorId: eager.id });
    await t.ctx.jobs.drain();
    const [mail] = await mailsTo(t.ctx, eager.email);
    expect(mail?.subject).toBe(`A buddy pairing for you in ${network.name}`);
    // Its one-click link turns off buddy pairing e-mail only.
    const link = new URL(String(mail?.headers?.['List-Unsubscribe']).slice(1, -1));
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `${link.pathname}${link.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.json()).toMatchObject({ scope: 'buddies', done: true });
    expect((await eagerClient.get('/api/me/notification-preferences')).json().email).toEqual({
      mention: 'daily',
      reply: 'daily',
      message: 'daily',
      buddies: 'off',
      help: 'daily',
      events: 'daily',
      applications: 'daily',
      progression: 'daily',
      reengagement: 'daily',
      missed: 'daily',
      help_wanted: 'daily',
      upcoming_events: 'daily',
      records: 'daily',
    });

    const beginnerClient = await signIn(t.app, beginner);
    const [pair] = (await beginnerClient.get(base)).json().pairs;
    await beginnerClient.delete(`${base}/${pair.id}`);
    await staff.post(base, { beginnerId: beginner.id, mentorId: quiet.id });
    await t.ctx.jobs.drain();
    expect(await mailsTo(t.ctx, quiet.email)).toEqual([]);
    const stored = await t.ctx.database.db
      .selectFrom('notifications')
      .select(['email', 'emailedAt'])
      .where('userId', '=', quiet.id)
      .execute();
    expect(stored).toEqual([{ email: 'off', emailedAt: expect.any(String) }]);
    // The beginner kept the default: the digest.
    const [waiting] = await t.ctx.database.db
      .selectFrom('notifications')
      .select(['kind', 'email'])
      .where('userId', '=', beginner.id)
      .execute();
    expect(waiting).toEqual({ kind: 'buddy_proposed', email: 'daily' });
  });

  it('shows in the directory who looks for a buddy and who is open to being one', async () => {
    const network = await buildNetwork(t.ctx);
    const looking = await buildMember(t.ctx, network, { level: 'beginner' });
    const open = await buildMember(t.ctx, network, { level: 'experienced' });
    await buildMember(t.ctx, network, { level: 'experienced' });
    const lookingClient = await signIn(t.app, looking);
    const saved = await saveProfileAs(lookingClient, { lookingForBuddy: true });
    expect(saved).toMatchObject({ lookingForBuddy: true, openToBuddy: false });
    await saveProfileAs(await signIn(t.app, open), { openToBuddy: true });
    // Saving without the statements keeps them.
    const kept = await lookingClient.request('PUT', '/api/me/profile', {
      languages: ['en'],
      expertise: [],
      region: '',
      availability: '',
      experienceLevel: null,
      bio: '',
      visibility: 'network',
    });
    expect(kept.json()).toMatchObject({ languages: ['en'], lookingForBuddy: true });

    const directory = `/api/networks/${network.slug}/directory`;
    const entries = (await lookingClient.get(directory)).json().entries as {
      userId: string;
      lookingForBuddy: boolean;
      openToBuddy: boolean;
    }[];
    expect(entries.filter((e) => e.lookingForBuddy).map((e) => e.userId)).toEqual([looking.id]);
    expect(entries.filter((e) => e.openToBuddy).map((e) => e.userId)).toEqual([open.id]);
    const ids = async (query: string) =>
      ((await lookingClient.get(`${directory}?${query}`)).json().entries as { userId: string }[]).map(
        (e) => e.userId,
      );
    expect(await ids('buddy=looking')).toEqual([looking.id]);
    expect(await ids('buddy=open')).toEqual([open.id]);
    expect((await lookingClient.get(`${directory}?buddy=maybe`)).statusCode).toBe(400);
  });
});
