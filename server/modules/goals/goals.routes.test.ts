import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { progressPercent } from './goals.presenter.ts';

describe('progressPercent', () => {
  it('measures the way from start to target, clamped, in either direction', () => {
    expect(progressPercent(0, 40, 10)).toBe(25);
    expect(progressPercent(null, 40, null)).toBe(0);
    expect(progressPercent(10, 20, 25)).toBe(100);
    expect(progressPercent(10, 20, 5)).toBe(0);
    // Going down: from 30 open requests to 10.
    expect(progressPercent(30, 10, 25)).toBe(25);
    expect(progressPercent(5, null, 7)).toBeNull();
    expect(progressPercent(null, 0, 0)).toBeNull();
  });
});

describe.each(DIALECTS)('network goals on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('defines goals, records progress with history, summarises, edits and archives', async () => {
    const network = await buildNetwork(t.ctx);
    const staff = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const mentorUser = await buildMember(t.ctx, network, {
      user: await buildUser(t.ctx, { displayName: 'Bea Mentor' }),
    });
    const mentor = await signIn(t.app, mentorUser);
    const base = `/api/networks/${network.slug}/goals`;

    const created = await staff.post(base, {
      title: 'Accompany 40 families to the housing office',
      description: 'Counted per family, not per visit.',
      unit: 'families',
      startValue: 0,
      targetValue: 40,
      dueOn: '2026-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json();
    expect(goal).toMatchObject({ currentValue: 0, percent: 0, updateCount: 0, archived: false, updates: [] });
    const plain = (await staff.post(base, { title: 'Meet every month' })).json();
    expect(plain).toMatchObject({ unit: null, targetValue: null, percent: null, description: '' });

    const first = await mentor.post(`${base}/${goal.id}/updates`, {
      value: 10,
      comment: 'Ten families so far',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ currentValue: 10, percent: 25, updateCount: 1 });
    await mentor.post(`${base}/${goal.id}/updates`, { comment: 'Two more appointments next week' });
    await staff.post(`${base}/${goal.id}/updates`, { value: 18.5 });
    await mentor.post(`${base}/${plain.id}/updates`, { comment: 'Met on Tuesday' });

    const detail = (await mentor.get(`${base}/${goal.id}`)).json();
    expect(detail).toMatchObject({ currentValue: 18.5, percent: 46, updateCount: 3 });
    expect(detail.lastUpdateAt).toBe(detail.updates[2].createdAt);
    expect(
      detail.updates.map((u: { value: number | null; comment: string; author: { displayName: string } }) => [
        u.value,
        u.comment,
        u.author.displayName,
      ]),
    ).toEqual([
      [10, 'Ten families so far', 'Bea Mentor'],
      [null, 'Two more appointments next week', 'Bea Mentor'],
      [18.5, '', expect.any(String)],
    ]);

    expect((await mentor.get(base)).json().goals.map((g: { id: string }) => g.id)).toEqual([
      goal.id,
      plain.id,
    ]);
    const summary = (await mentor.get(`${base}/summary`)).json();
    expect(summary).toEqual({
      goals: [
        {
          id: goal.id,
          title: goal.title,
          unit: 'families',
          currentValue: 18.5,
          targetValue: 40,
          percent: 46,
          dueOn: '2026-06-30',
        },
        {
          id: plain.id,
          title: 'Meet every month',
          unit: null,
          currentValue: null,
          targetValue: null,
          percent: null,
          dueOn: null,
        },
      ],
      averagePercent: 46,
    });

    const edited = await staff.patch(`${base}/${goal.id}`, { targetValue: 37, dueOn: null });
    expect(edited.json()).toMatchObject({ targetValue: 37, dueOn: null, percent: 50 });
    expect((await staff.patch(`${base}/${goal.id}`, { targetValue: 0 })).statusCode).toBe(400);

    const archived = await staff.patch(`${base}/${plain.id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    expect(errorCode(await mentor.post(`${base}/${plain.id}/updates`, { comment: 'late' }))).toBe(
      'GOAL_ARCHIVED',
    );
    expect((await mentor.get(base)).json().goals).toHaveLength(1);
    expect((await mentor.get(`${base}?archived=true`)).json().goals.map((g: { id: string }) => g.id)).toEqual(
      [plain.id],
    );
    expect((await mentor.get(`${base}/summary`)).json().goals).toHaveLength(1);
    expect((await staff.patch(`${base}/${plain.id}`, { archived: false })).json().archived).toBe(false);
    const actions = await t.ctx.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('networkId', '=', network.id)
      .where('action', 'like', 'goal.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'goal.created',
      'goal.created',
      'goal.archived',
      'goal.restored',
    ]);
  });

  it('validates goals and updates', async () => {
    const network = await buildNetwork(t.ctx);
    const metaUser = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const staff = await signIn(t.app, metaUser);
    const base = `/api/networks/${network.slug}/goals`;
    const bad = await staff.post(base, {
      title: 'x',
      startValue: 5,
      targetValue: 5,
      dueOn: '30.06.2026',
      colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await staff.post(base, { title: 'Same start and target', startValue: 5, targetValue: 5 })).statusCode,
    ).toBe(400);
    expect((await staff.post(base, { title: 'Huge', targetValue: 1e20 })).statusCode).toBe(400);
    const goal = (await staff.post(base, { title: 'Fine goal', targetValue: 10 })).json();
    expect((await staff.post(`${base}/${goal.id}/updates`, {})).statusCode).toBe(400);
    expect((await staff.post(`${base}/${goal.id}/updates`, { value: 'ten' })).statusCode).toBe(400);
    expect((await staff.post(`${base}/${goal.id}/updates`, { comment: 'x'.repeat(2001) })).statusCode).toBe(
      400,
    );
    expect((await staff.patch(`${base}/${goal.id}`, {})).statusCode).toBe(400);
    expect((await staff.get(`${base}/0190a0b0-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    // A goal of another network is not found through this one.
    const other = await buildNetwork(t.ctx);
    await buildMember(t.ctx, other, { role: 'meta_mentor', user: metaUser });
    expect((await staff.get(`/api/networks/${other.slug}/goals/${goal.id}`)).statusCode).toBe(404);
  });

  it('shows goals inside the network, lets members report progress and meta-mentors manage them', async () => {
    const orgAdmin = await buildUser(t.ctx);
    const organisation = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { organisationId: organisation.id });
    const base = `/api/networks/${network.slug}/goals`;
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const goal = (await meta.post(base, { title: 'Shared goal', targetValue: 5 })).json();
    const clients = {
      visitor: freshClient(t.app),
      nonMember: await signIn(t.app, await buildUser(t.ctx)),
      pending: await signIn(t.app, await buildMember(t.ctx, network, { accepted: false })),
      mentor: await signIn(t.app, await buildMember(t.ctx, network)),
      office: await signIn(t.app, await buildMember(t.ctx, network, { role: 'office' })),
      orgAdmin: await signIn(t.app, orgAdmin),
      platform: await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 })),
      meta,
    };
    type Who = keyof typeof clients;
    const status = async (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
      (await clients[who].request(method, url, body)).statusCode;
    const rows: [string, (w: Who) => Promise<number>, Record<Who, number>][] = [
      [
        'list',
        (w) => status(w, 'GET', base),
        {
          visitor: 401,
          nonMember: 403,
          pending: 403,
          mentor: 200,
          office: 200,
          orgAdmin: 200,
          platform: 200,
          meta: 200,
        },
      ],
      [
        'summary',
        (w) => status(w, 'GET', `${base}/summary`),
        {
          visitor: 401,
          nonMember: 403,
          pending: 403,
          mentor: 200,
          office: 200,
          orgAdmin: 200,
          platform: 200,
          meta: 200,
        },
      ],
      [
        'get',
        (w) => status(w, 'GET', `${base}/${goal.id}`),
        {
          visitor: 401,
          nonMember: 403,
          pending: 403,
          mentor: 200,
          office: 200,
          orgAdmin: 200,
          platform: 200,
          meta: 200,
        },
      ],
      [
        'create',
        (w) => status(w, 'POST', base, { title: 'Another goal' }),
        {
          visitor: 401,
          nonMember: 403,
          pending: 403,
          mentor: 403,
          office: 403,
          orgAdmin: 403,
          platform: 201,
          meta: 201,
        },
      ],
      [
        'edit',
        (w) => status(w, 'PATCH', `${base}/${goal.id}`, { description: 'More detail' }),
        {
          visitor: 401,
          nonMember: 403,
          pending: 403,
          mentor: 403,
          office: 403,
          orgAdmin: 403,
          platform: 200,
          meta: 200,
        },
      ],
      [
        'update',
        (w) => status(w, 'POST', `${base}/${goal.id}/updates`, { value: 1 }),
        {
          visitor: 401,
          nonMember: 403,
          pending: 403,
          mentor: 201,
          office: 201,
          orgAdmin: 403,
          platform: 403,
          meta: 201,
        },
      ],
    ];
    for (const [name, send, expected] of rows) {
      for (const who of Object.keys(expected) as Who[])
        expect(await send(who), `${name} as ${who}`).toBe(expected[who]);
    }
    expect(errorCode(await clients.pending.get(base))).toBe('AGREEMENT_REQUIRED');
  });
});
