import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NetworkHealth } from '../../../common/contracts/network-health.ts';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildEvent, utcLocal } from '../../test/events.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import { rollUpDue } from './rollup.service.ts';

// A server process keeps the daily rows of a dashboard while the roll-ups' generation stands: what
// happens since shows at once all the same (a new discussion, request or event), and a roll-up
// moves the generation on, after which the rows are read anew.
describe.each(DIALECTS)('the health dashboard’s cached daily rows on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows a new discussion, request and event at once, and a roll-up’s figures after it', async () => {
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, {
      role: 'meta_mentor',
      user: await buildUser(t.ctx, { displayName: 'Maria Meta' }),
    });
    const member = await buildMember(t.ctx, network, { level: 'beginner' });
    const staff = await signIn(t.app, meta);
    const spy = vi.spyOn(t.ctx.metrics, 'observeQuery');
    const read = async () => {
      spy.mockClear();
      const res = await staff.get(`/api/networks/${network.slug}/health`);
      expect(res.statusCode, res.body).toBe(200);
      const health = res.json() as NetworkHealth;
      expect(health.full).toBe(true);
      const week = health.weeks.at(-1);
      if (!week) throw new Error('no weeks');
      return { health, week, statements: spy.mock.calls.length };
    };
    try {
      await buildTopic(t.ctx, network, meta.id);
      await rollUpDue(t.ctx);
      const first = await read();
      expect(first.week).toMatchObject({ discussions: 1, helpOpened: 0, active7: 1 });
      expect(first.health.current?.unansweredOverThreshold).toBe(0);
      expect(first.health.upcomingEvents).toEqual([]);
      const rolledAt = first.health.rolledAt;
      expect(rolledAt).not.toBeNull();

      // Read again: the daily rows come from the process (on PostgreSQL every statement is counted).
      const again = await read();
      expect(again.health).toEqual(first.health);
      if (dialect === 'postgres') expect(again.statements).toBeLessThan(first.statements);

      // A discussion, two requests (one of them unanswered for three days) and an event: at once.
      await buildTopic(t.ctx, network, member.id);
      await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: member.id });
      await buildHelpRequest(t.ctx, {
        networkId: network.id,
        requesterId: member.id,
        createdAt: isoNow(Date.now() - 3 * DAY),
      });
      await buildEvent(t.ctx, network, meta.id, {
        startsLocal: utcLocal(Date.now() + 2 * DAY),
        title: 'Summer café',
      });
      const after = await read();
      expect(after.week).toMatchObject({ discussions: 2, helpOpened: 1, active7: 1 });
      expect(after.health.current?.unansweredOverThreshold).toBe(1);
      expect(after.health.upcomingEvents.map((e) => e.title)).toEqual(['Summer café']);
      expect(after.health.rolledAt).toBe(rolledAt);

      // The next roll-up counts the member as active: the process reads the daily rows anew.
      await rollUpDue(t.ctx);
      const rolled = await read();
      expect(rolled.week).toMatchObject({ discussions: 2, helpOpened: 1, active7: 2 });
      expect(rolled.health.rolledAt).not.toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
