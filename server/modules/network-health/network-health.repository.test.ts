import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildEvent, utcLocal } from '../../test/events.ts';
import { buildGoal, buildMember, buildNetwork } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import {
  lastActiveBetweenSelect,
  liveFiguresSelect,
  metaMentorsSelect,
  openGoalsSelect,
  precompiledHealthReads,
  settingsAndGenerationSelect,
  upcomingEventsSelect,
} from './network-health.repository.ts';
import { rollUpDue } from './rollup.service.ts';
import {
  activeSinceSelect,
  answersSinceSelect,
  countsSinceSelect,
  precompiledTodayReads,
} from './today.repository.ts';

// The dashboard's reads are precompiled (built and compiled once, on SQLite read on the reader
// connection): each must give exactly the rows of its plain Kysely query, on both databases.
describe.each(DIALECTS)('the health dashboard’s precompiled reads on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('give the rows of their plain queries', async () => {
    const db = t.ctx.database.db;
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const member = await buildMember(t.ctx, network);
    await buildTopic(t.ctx, network, member.id);
    await buildTopic(t.ctx, network, meta.id);
    await buildHelpRequest(t.ctx, { networkId: network.id, requesterId: member.id });
    await buildHelpRequest(t.ctx, {
      networkId: network.id,
      requesterId: member.id,
      createdAt: isoNow(Date.now() - 5 * DAY),
    });
    await buildEvent(t.ctx, network, meta.id, { startsLocal: utcLocal(Date.now() + 3 * DAY), title: 'Café' });
    await buildEvent(t.ctx, network, meta.id, { startsLocal: utcLocal(Date.now() - 3 * DAY), title: 'Past' });
    await buildGoal(t.ctx, network, { createdBy: meta.id });
    await rollUpDue(t.ctx);
    // Answered today, after the roll-up: the live part of today reads it.
    await db
      .updateTable('helpRequests')
      .set({ firstResponseAt: isoNow(), responseCount: 1 })
      .where('networkId', '=', network.id)
      .where('createdAt', '<', isoNow(Date.now() - DAY))
      .execute();

    const now = Date.now();
    const today = isoNow(now).slice(0, 10);
    const span = {
      networkId: network.id,
      since: `${today}T00:00:00.000Z`,
      until: isoNow(now + 60_000),
      day: today,
      dayStart: `${today}T00:00:00.000Z`,
      dayEnd: isoNow(Date.parse(`${today}T00:00:00.000Z`) + DAY),
      dayKeyEnd: `${today}U`,
    };
    const cases = {
      settingsAndGeneration: [settingsAndGenerationSelect, { networkId: network.id }],
      liveFigures: [
        liveFiguresSelect,
        {
          networkId: network.id,
          unansweredBefore: isoNow(now - 2 * DAY),
          eventSince: isoNow(now - 42 * DAY),
          now: isoNow(now),
          since: `${today}T00:00:00.000Z`,
          until: isoNow(now + 60_000),
        },
      ],
      lastActiveBetween: [
        lastActiveBetweenSelect,
        {
          networkId: network.id,
          fromDay: isoNow(now - 90 * DAY).slice(0, 10),
          toDay: '9999-12-31',
          limit: 10,
        },
      ],

      metaMentors: [metaMentorsSelect, { networkId: network.id }],
      upcomingEvents: [upcomingEventsSelect, { networkId: network.id, now: isoNow(now), limit: 5 }],
      openGoals: [openGoalsSelect, { networkId: network.id }],
      activeSince: [
        activeSinceSelect,
        {
          networkId: network.id,
          since: span.since,
          until: span.until,
          day: today,
          dayKeyEnd: span.dayKeyEnd,
        },
      ],
      countsSince: [countsSinceSelect, span],
      answersSince: [answersSinceSelect, { networkId: network.id, since: span.since, until: span.until }],
    } as const;
    const reads = { ...precompiledHealthReads, ...precompiledTodayReads };
    for (const [name, [select, params]] of Object.entries(cases)) {
      const read = reads[name as keyof typeof cases] as (
        d: typeof db,
        p: typeof params,
      ) => Promise<unknown[]>;
      const plain = await (select as (d: typeof db, p: typeof params) => { execute(): Promise<unknown[]> })(
        db,
        params,
      ).execute();
      expect(plain.length, name).toBeGreaterThan(0);
      expect(await read(db, params), name).toEqual(plain);
    }
    // The drifting list's next pages: the same read after a keyset cursor.
    const after = { ...cases.lastActiveBetween[1], afterDay: '9999-12-30', afterId: '' };
    const plainAfter = await lastActiveBetweenSelect(db, after).execute();
    expect(plainAfter.length).toBeGreaterThan(0);
    expect(await precompiledHealthReads.lastActiveBetween(db, after)).toEqual(plainAfter);
  });
});
