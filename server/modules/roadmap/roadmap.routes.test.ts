import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_MEMBERS_TARGET } from '../../../common/roadmap.ts';
import { translate } from '../../lib/i18n.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { markGraduateJoined } from '../mooc/index.ts';
import { linkOrganisation } from '../networks/index.ts';

interface Step {
  id: string;
  done: boolean;
  doneAt: string | null;
  doneOn: string | null;
  note: string | null;
  title: string;
  tickedBy: { displayName: string } | null;
}
interface RoadmapBody {
  phase: string;
  suggestedPhase: string | null;
  activeMembers: { count: number; days: number; target: number };
  phases: { id: string; title: string; current: boolean; complete: boolean; steps: Step[] }[];
}

const stepsOf = (body: RoadmapBody) =>
  Object.fromEntries(body.phases.flatMap((p) => p.steps).map((s) => [s.id, s]));
const doneIds = (body: RoadmapBody) =>
  body.phases
    .flatMap((p) => p.steps)
    .filter((s) => s.done)
    .map((s) => s.id)
    .sort();

describe.each(DIALECTS)('roadmap guide on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('ticks steps itself from what the platform sees, and says when', async () => {
    const orgAdmin = await buildUser(t.ctx);
    const organisation = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { organisationId: organisation.id });
    const url = `/api/networks/${network.slug}/roadmap`;
    const admin = await signIn(t.app, orgAdmin);
    const first = (await admin.get(url)).json() as RoadmapBody;
    expect(first).toMatchObject({ phase: 'initiation', suggestedPhase: null });
    expect(first.phases.map((p) => [p.id, p.current])).toEqual([
      ['initiation', true],
      ['organisation', false],
      ['sustaining', false],
      ['growth', false],
    ]);
    expect(doneIds(first)).toEqual([]);

    const before = isoNow();
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const staff = await signIn(t.app, meta);
    const session = (
      await staff.post(`/api/networks/${network.slug}/mooc-sessions`, {
        title: 'Autumn cohort',
        startsOn: '2025-09-01',
        endsOn: '2025-10-31',
      })
    ).json();
    await staff.post(
      `/api/networks/${network.slug}/mooc-sessions/${session.id}/import`,
      'Name,Email\nGrace,grace@example.org\n',
      {
        'content-type': 'text/csv',
      },
    );
    const graduate = await t.ctx.database.db
      .selectFrom('moocGraduates')
      .selectAll()
      .where('sessionId', '=', session.id)
      .executeTakeFirstOrThrow();
    const grace = await buildMember(t.ctx, network, {
      user: await buildUser(t.ctx, { email: 'grace@example.org' }),
    });
    await markGraduateJoined(t.ctx, graduate.id, grace.id);
    const goal = (
      await staff.post(`/api/networks/${network.slug}/goals`, {
        title: 'Welcome 20 families',
        targetValue: 20,
      })
    ).json();
    await staff.post(`/api/networks/${network.slug}/goals/${goal.id}/updates`, {
      value: 3,
      comment: 'First three',
    });
    await staff.request('PUT', `/api/networks/${network.slug}/office`, {
      contactEmail: 'office@example.org',
      contactPhone: null,
      address: null,
      onlineOnly: true,
      officeHours: 'Tuesdays 10–12',
    });
    await buildMember(t.ctx, network, { level: 'experienced' });
    const partner = await buildOrganisation(t.ctx);
    await linkOrganisation(t.ctx, {
      networkId: network.id,
      organisationId: partner.id,
      addedBy: null,
      createdAt: isoNow(),
    });
    await staff.post(`/api/networks/${network.slug}/mooc-sessions`, {
      title: 'Spring cohort',
      startsOn: '2026-03-01',
      endsOn: '2026-04-30',
    });

    const roadmap = (await staff.get(url)).json() as RoadmapBody;
    expect(doneIds(roadmap)).toEqual(
      [
        'mooc_session_recorded',
        'first_graduates_joined',
        'goals_defined',
        'meta_mentor_named',
        'agreement_adopted',
        'office_set_up',
        'experienced_mentor_joined',
        'goal_progress_reported',
        'second_organisation_joined',
        'another_mooc_session',
      ].sort(),
    );
    for (const step of Object.values(stepsOf(roadmap)).filter((s) => s.done)) {
      expect(step.doneAt && step.doneAt >= before, step.id).toBe(true);
    }
    // Staff and Grace signed in or were built: only two members have sessions, the target is five.
    expect(roadmap.activeMembers).toMatchObject({ days: 30, target: ACTIVE_MEMBERS_TARGET });
    expect(stepsOf(roadmap).members_active?.done).toBe(false);
    const members = await Promise.all(
      Array.from({ length: ACTIVE_MEMBERS_TARGET }, () => buildMember(t.ctx, network)),
    );
    for (const m of members) await signIn(t.app, m);
    const active = (await staff.get(url)).json() as RoadmapBody;
    expect(active.activeMembers.count).toBeGreaterThanOrEqual(ACTIVE_MEMBERS_TARGET);
    expect(stepsOf(active).members_active?.done).toBe(true);
    // Sessions seen long ago do not count.
    await t.ctx.database.db
      .updateTable('sessions')
      .set({ lastSeenAt: '2020-01-01T00:00:00.000Z' })
      .where('userId', '!=', meta.id)
      .execute();
    const quiet = (await staff.get(url)).json() as RoadmapBody;
    expect(quiet.activeMembers.count).toBe(1);
    expect(stepsOf(quiet).members_active?.done).toBe(false);
  });

  it('lets meta-mentors tick manual steps and move phases, suggesting it when a phase is done', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, {
      role: 'meta_mentor',
      user: await buildUser(t.ctx, { displayName: 'Mira Meta', locale: 'de' }),
    });
    const staff = await signIn(t.app, meta);
    const url = `/api/networks/${network.slug}/roadmap`;

    const ticked = await staff.request('PUT', `${url}/steps/kickoff_meeting_held`, {
      doneOn: '2025-11-02',
      note: 'Im Stadtteilzentrum',
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    const kickoff = stepsOf(ticked.json()).kickoff_meeting_held;
    expect(kickoff).toMatchObject({
      done: true,
      doneOn: '2025-11-02',
      note: 'Im Stadtteilzentrum',
      tickedBy: { displayName: 'Mira Meta' },
    });
    // Texts come in the reader's language.
    expect(kickoff?.title).toBe(translate('de', 'roadmap.steps.kickoff_meeting_held.title'));
    expect(ticked.json().phases[0].title).toBe('Initiierung');

    const future = await staff.request('PUT', `${url}/steps/kickoff_meeting_held`, { doneOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(
      (await staff.request('PUT', `${url}/steps/goals_defined`, { doneOn: '2025-01-01' })).statusCode,
    ).toBe(400);
    expect(
      (await staff.request('PUT', `${url}/steps/kickoff_meeting_held`, { doneOn: 'yesterday' })).statusCode,
    ).toBe(400);

    const unticked = await staff.delete(`${url}/steps/kickoff_meeting_held`);
    expect(stepsOf(unticked.json()).kickoff_meeting_held?.done).toBe(false);
    expect((await staff.delete(`${url}/steps/kickoff_meeting_held`)).statusCode).toBe(200);

    // Finish the initiation phase: session, graduate joined, goal, kick-off.
    await staff.request('PUT', `${url}/steps/kickoff_meeting_held`, { doneOn: '2025-11-02' });
    const session = (
      await staff.post(`/api/networks/${network.slug}/mooc-sessions`, {
        title: 'Cohort',
        startsOn: '2025-09-01',
        endsOn: '2025-10-01',
      })
    ).json();
    await staff.post(
      `/api/networks/${network.slug}/mooc-sessions/${session.id}/import`,
      'Name;E-Mail\nLea;lea@example.org\n',
      { 'content-type': 'text/csv' },
    );
    const graduate = await t.ctx.database.db
      .selectFrom('moocGraduates')
      .selectAll()
      .where('sessionId', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(((await staff.get(url)).json() as RoadmapBody).suggestedPhase).toBeNull();
    await markGraduateJoined(t.ctx, graduate.id, (await buildMember(t.ctx, network)).id);
    await staff.post(`/api/networks/${network.slug}/goals`, { title: 'Meet monthly' });
    const ready = (await staff.get(url)).json() as RoadmapBody;
    expect(ready.phases[0]?.complete).toBe(true);
    expect(ready.suggestedPhase).toBe('organisation');

    expect(errorCode(await staff.post(`${url}/phase`, { phase: 'sustaining' }))).toBe('PHASE_NOT_ADJACENT');
    expect(errorCode(await staff.post(`${url}/phase`, { phase: 'initiation' }))).toBe('PHASE_NOT_ADJACENT');
    expect((await staff.post(`${url}/phase`, { phase: 'later' })).statusCode).toBe(400);
    const moved = (await staff.post(`${url}/phase`, { phase: 'organisation' })).json() as RoadmapBody & {
      phaseChangedAt: string;
    };
    expect(moved).toMatchObject({ phase: 'organisation' });
    expect(moved.phaseChangedAt).toBeTruthy();
    expect(moved.phases.find((p) => p.current)?.id).toBe('organisation');
    expect((await staff.post(`${url}/phase`, { phase: 'initiation' })).json().phase).toBe('initiation');
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('networkId', '=', network.id)
      .where('action', '=', 'network.phase_changed')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([
      { from: 'initiation', to: 'organisation' },
      { from: 'organisation', to: 'initiation' },
    ]);
  });

  it('shows the roadmap to members and admins and lets only meta-mentors change it', async () => {
    const orgAdmin = await buildUser(t.ctx);
    const organisation = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { organisationId: organisation.id });
    const url = `/api/networks/${network.slug}/roadmap`;
    const clients = {
      visitor: freshClient(t.app),
      nonMember: await signIn(t.app, await buildUser(t.ctx)),
      pending: await signIn(t.app, await buildMember(t.ctx, network, { accepted: false })),
      mentor: await signIn(t.app, await buildMember(t.ctx, network)),
      office: await signIn(t.app, await buildMember(t.ctx, network, { role: 'office' })),
      orgAdmin: await signIn(t.app, orgAdmin),
      platform: await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 })),
      meta: await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' })),
    };
    const view = async (c: keyof typeof clients) => (await clients[c].get(url)).statusCode;
    const tick = async (c: keyof typeof clients) =>
      (await clients[c].request('PUT', `${url}/steps/network_promoted`, { doneOn: '2025-01-01' })).statusCode;
    const untick = async (c: keyof typeof clients) =>
      (await clients[c].delete(`${url}/steps/network_promoted`)).statusCode;
    const move = async (c: keyof typeof clients) =>
      (await clients[c].post(`${url}/phase`, { phase: 'organisation' })).statusCode;
    expect(await view('visitor')).toBe(401);
    expect(await view('nonMember')).toBe(403);
    expect(errorCode(await clients.pending.get(url))).toBe('AGREEMENT_REQUIRED');
    for (const c of ['mentor', 'office', 'orgAdmin', 'platform', 'meta'] as const)
      expect(await view(c), c).toBe(200);
    for (const c of ['mentor', 'office', 'orgAdmin', 'nonMember'] as const) {
      expect(await tick(c), c).toBe(403);
      expect(await untick(c), c).toBe(403);
      expect(await move(c), c).toBe(403);
    }
    expect(await tick('visitor')).toBe(401);
    expect(await tick('meta')).toBe(200);
    expect(await untick('platform')).toBe(200);
    expect(await move('meta')).toBe(200);
  });
});
