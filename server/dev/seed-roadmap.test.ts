import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { signIn } from '../test/client.ts';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.ts';

describe.each(DIALECTS)('roadmap demo data on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('seeds a MOOC session with graduates in every state, the sustaining phase and goals with history, once', async () => {
    await seedDemo(t.ctx);
    await seedDemo(t.ctx);
    const meta = await signIn(t.app, { email: 'meta.mentor@demo.example.org', password: DEMO_PASSWORD });
    const base = '/api/networks/demo-mentors-musterstadt';
    const sessions = (await meta.get(`${base}/mooc-sessions`)).json().sessions;
    expect(sessions).toHaveLength(1);
    expect(sessions[0].graduates).toEqual({
      imported: 1,
      invited: 1,
      reminded: 1,
      joined: 2,
      expired: 1,
      bounced: 1,
      total: 7,
    });
    const badges = (await meta.get(`${base}/badges`)).json().badges;
    expect(badges).toHaveLength(2);
    const roadmap = (await meta.get(`${base}/roadmap`)).json();
    expect(roadmap.phase).toBe('sustaining');
    const done = roadmap.phases.flatMap((p: { steps: { id: string; done: boolean }[] }) =>
      p.steps.filter((s) => s.done).map((s) => s.id),
    );
    expect(done).toEqual(
      expect.arrayContaining([
        'mooc_session_recorded',
        'first_graduates_joined',
        'goals_defined',
        'kickoff_meeting_held',
        'meta_mentor_named',
        'agreement_adopted',
        'office_set_up',
        'second_organisation_joined',
        'exchange_meeting_held',
      ]),
    );
    const summary = (await meta.get(`${base}/goals/summary`)).json();
    expect(summary.goals).toHaveLength(2);
    expect(summary.goals[0]).toMatchObject({ currentValue: 17, targetValue: 30, percent: 57 });
    const goal = (await meta.get(`${base}/goals/${summary.goals[0].id}`)).json();
    expect(goal.updates.map((u: { value: number | null }) => u.value)).toEqual([4, 9, 14, 17]);
  });
});
