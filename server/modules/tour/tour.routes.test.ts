import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourState } from '../../../common/contracts/tour.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';

describe.each(DIALECTS)('first-run tour on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('is new for each member until they go through or skip it, in each network on its own', async () => {
    const network = await buildNetwork(t.ctx);
    const other = await buildNetwork(t.ctx);
    const user = await buildUser(t.ctx);
    const mentorUser = await buildMember(t.ctx, network, { user });
    await buildMember(t.ctx, other, { user });
    const mentor = await signIn(t.app, mentorUser);
    const tour = async (slug: string) => {
      const res = await mentor.get(`/api/networks/${slug}/tour`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TourState;
    };
    expect(await tour(network.slug)).toEqual({ status: 'new', welcomeText: '' });

    const skipped = await mentor.request('PUT', `/api/networks/${network.slug}/tour`, { status: 'skipped' });
    expect(skipped.statusCode, skipped.body).toBe(200);
    expect((await tour(network.slug)).status).toBe('skipped');
    expect((await tour(other.slug)).status).toBe('new');

    // Restarted and gone through to the end later: the last word counts.
    await mentor.request('PUT', `/api/networks/${network.slug}/tour`, { status: 'done' });
    expect((await tour(network.slug)).status).toBe('done');

    // Another device (a new session) sees the same.
    const again = await signIn(t.app, mentorUser);
    expect(((await again.get(`/api/networks/${network.slug}/tour`)).json() as TourState).status).toBe('done');

    // Someone else's tour is untouched.
    const colleague = await signIn(t.app, await buildMember(t.ctx, network));
    expect(((await colleague.get(`/api/networks/${network.slug}/tour`)).json() as TourState).status).toBe(
      'new',
    );
  });

  it('is only for members: visitors sign in, non-members are refused, nonsense states are rejected', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'public' });
    const url = `/api/networks/${network.slug}/tour`;
    expect((await freshClient(t.app).get(url)).statusCode).toBe(401);
    const outsider = await signIn(t.app, await buildUser(t.ctx));
    expect(errorCode(await outsider.request('PUT', url, { status: 'skipped' }))).toBe('FORBIDDEN');
    const mentor = await signIn(t.app, await buildMember(t.ctx, network));
    expect((await mentor.request('PUT', url, { status: 'new' })).statusCode).toBe(400);
    expect((await mentor.request('PUT', url, { status: 'done', userId: 'someone' })).statusCode).toBe(400);
  });

  it('opens with the welcome text the meta-mentors write; mentors may not write it', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const mentor = await signIn(t.app, await buildMember(t.ctx, network));
    const welcome = `/api/networks/${network.slug}/welcome`;

    const saved = await meta.request('PUT', welcome, { welcomeText: '  Welcome to our circle!  ' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ welcomeText: 'Welcome to our circle!' });
    expect((await meta.get(welcome)).json()).toEqual({ welcomeText: 'Welcome to our circle!' });
    expect(((await mentor.get(`/api/networks/${network.slug}/tour`)).json() as TourState).welcomeText).toBe(
      'Welcome to our circle!',
    );
    const audit = await meta.get(`/api/networks/${network.slug}/audit`);
    expect(audit.body).toContain('welcomeText');

    expect(errorCode(await mentor.request('PUT', welcome, { welcomeText: 'Mine now' }))).toBe('FORBIDDEN');
    expect((await meta.request('PUT', welcome, { welcomeText: 'x'.repeat(2001) })).statusCode).toBe(400);
    await meta.request('PUT', welcome, { welcomeText: '' });
    expect(((await mentor.get(`/api/networks/${network.slug}/tour`)).json() as TourState).welcomeText).toBe(
      '',
    );
  });
});
