import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkHealth } from '../../common/contracts/network-health.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { signIn } from '../test/client.ts';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.ts';

describe.each(DIALECTS)('network health demo data on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives the public demo network months of history, drifting members and a warning, once', async () => {
    await seedDemo(t.ctx);
    await seedDemo(t.ctx);
    const meta = await signIn(t.app, { email: 'meta.mentor@demo.example.org', password: DEMO_PASSWORD });
    const res = await meta.get('/api/networks/demo-mentors-musterstadt/health');
    expect(res.statusCode, res.body).toBe(200);
    const health = res.json() as NetworkHealth;
    expect(health.full).toBe(true);
    expect(health.drifting.map((m) => m.displayName).sort()).toEqual([
      'Dario Drifting (demo)',
      'Ines Quiet (demo)',
    ]);
    expect(health.warnings.map((w) => w.code)).toContain('single_meta_mentor');
    // Weeks with activity well before the seeding day: a history, not one day.
    expect(health.weeks.filter((w) => w.active7 > 0).length).toBeGreaterThanOrEqual(8);
    const people = await t.ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', 'like', 'health.%@demo.example.org')
      .execute();
    expect(people).toHaveLength(6);
    // Spring's cafés were attended (three of the four within the default twelve weeks: 3 + 2 + 2
    // came), and Anna is suggested as experienced for her time in the network and the cafés.
    expect(health.weeks.reduce((sum, w) => sum + w.attendance, 0)).toBe(7);
    expect(health.weeks.reduce((sum, w) => sum + w.eventsHeld, 0)).toBe(3);
    const suggestions = await meta.get('/api/networks/demo-mentors-musterstadt/progression/suggestions');
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    const anna = suggestions
      .json()
      .suggestions.find((x: { displayName: string }) => x.displayName === 'Anna Aktiv (demo)');
    expect(anna).toMatchObject({ step: 'experienced' });
    expect(anna.reasons).toEqual(expect.arrayContaining(['time_in_network', 'events_attended']));
  });
});
