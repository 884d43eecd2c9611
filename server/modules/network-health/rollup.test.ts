import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import { ROLLUP_JOB, rollUpDay, rollUpDue } from './rollup.service.ts';

describe.each(DIALECTS)('the health roll-up job on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const dailyOf = (networkId: string, day: string) =>
    t.ctx.database.db
      .selectFrom('healthDaily')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('day', '=', day)
      .executeTakeFirst();
  const lastActiveOf = (networkId: string, userId: string) =>
    t.ctx.database.db
      .selectFrom('healthMembers')
      .select('lastActiveOn')
      .where('networkId', '=', networkId)
      .where('userId', '=', userId)
      .executeTakeFirst();

  it('recomputes one day from that day alone, repeatably, and never moves a last active day back', async () => {
    const network = await buildNetwork(t.ctx);
    const a = await buildMember(t.ctx, network);
    const b = await buildMember(t.ctx, network);
    const day = '2026-03-10';
    const next = '2026-03-11';
    await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: a.id,
      createdAt: `${day}T09:00:00.000Z`,
    });
    await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: b.id,
      createdAt: `${next}T09:00:00.000Z`,
    });
    await rollUpDay(t.ctx, next);
    await rollUpDay(t.ctx, day);
    expect(await dailyOf(network.id, day)).toMatchObject({ activeMembers: 1, helpOpened: 1, active7: 1 });
    // The day after counts its own request, and both members in its 7 days.
    expect(await dailyOf(network.id, next)).toMatchObject({ activeMembers: 1, helpOpened: 1, active7: 1 });
    await rollUpDay(t.ctx, next);
    expect(await dailyOf(network.id, next)).toMatchObject({ activeMembers: 1, active7: 2, active30: 2 });

    // Once more for the same day: the same row, not a second one.
    const before = await dailyOf(network.id, day);
    await rollUpDay(t.ctx, day);
    expect(await dailyOf(network.id, day)).toEqual(before);
    const rows = await t.ctx.database.db
      .selectFrom('healthActiveDays')
      .select('userId')
      .where('networkId', '=', network.id)
      .where('day', '=', day)
      .execute();
    expect(rows).toHaveLength(1);

    // A later day already recorded stays the last active day when an earlier one is rolled up again.
    await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: a.id,
      createdAt: `${next}T10:00:00.000Z`,
    });
    await rollUpDay(t.ctx, next);
    await rollUpDay(t.ctx, day);
    expect(await lastActiveOf(network.id, a.id)).toEqual({ lastActiveOn: next });
  });

  it('fills the missing days once, then only yesterday and today', async () => {
    const now = Date.parse('2026-05-20T08:00:00.000Z');
    const first = await rollUpDue(t.ctx, now);
    expect(first.length).toBeGreaterThan(100);
    expect(first.at(-1)).toBe('2026-05-20');
    expect(await rollUpDue(t.ctx, now)).toEqual(['2026-05-19', '2026-05-20']);
    expect(await rollUpDue(t.ctx, now + DAY)).toEqual(['2026-05-20', '2026-05-21']);
  });

  it('runs as a queued job: one day when named, and schedules itself', async () => {
    const network = await buildNetwork(t.ctx);
    const a = await buildMember(t.ctx, network);
    const day = isoNow().slice(0, 10);
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: a.id });
    const pending = await t.ctx.database.db
      .selectFrom('jobs')
      .select('runAt')
      .where('kind', '=', ROLLUP_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
    await t.ctx.jobs.enqueue(ROLLUP_JOB, { day });
    await t.ctx.jobs.drain();
    expect(await dailyOf(network.id, day)).toMatchObject({ activeMembers: 1, helpOpened: 1 });
    expect(await lastActiveOf(network.id, a.id)).toEqual({ lastActiveOn: day });
  });
});
