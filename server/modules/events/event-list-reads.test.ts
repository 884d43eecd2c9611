import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildEvent, WEEKLY } from '../../test/events.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import {
  listStampSelect,
  precompiledListReads,
  rsvpCountsSelect,
  rsvpsOfUserSelect,
  saveRsvp,
  updateEventRow,
} from './events.repository.ts';

/** Rows in one order, whatever order the database gave them in. */
const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

// The reads every page of the events list makes are precompiled (on SQLite read on the reader
// connection): each must give exactly the rows of its plain Kysely query, on both databases.
describe.each(DIALECTS)('the events list’s precompiled reads on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('give the rows of their plain queries', async () => {
    const db = t.ctx.database.db;
    const network = await buildNetwork(t.ctx);
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const people = [meta];
    for (let i = 0; i < 5; i++) people.push(await buildMember(t.ctx, network));
    const events = [
      await buildEvent(t.ctx, network, meta.id, { recurrence: WEEKLY, capacity: 2 }),
      await buildEvent(t.ctx, network, meta.id),
      await buildEvent(t.ctx, network, meta.id, { title: 'Nobody answered' }),
    ];
    const answers = ['yes', 'yes', 'yes', 'maybe', 'no', 'maybe'] as const;
    for (const [i, person] of people.entries()) {
      for (const event of events.slice(0, 2)) {
        await saveRsvp(db, {
          eventId: event.id,
          userId: person.id,
          response: answers[i] as (typeof answers)[number],
          // The third yes waits for a place.
          waiting: i === 2 ? 1 : 0,
          respondedAt: isoNow(),
        });
      }
    }
    // Raises the network's stamp (there is none before a change through the repository).
    await updateEventRow(db, events[2]?.id as string, { title: 'Still nobody' });

    const eventIds = events.map((e) => e.id);
    const cases = {
      listStamp: [listStampSelect, { networkId: network.id }],
      rsvpCounts: [rsvpCountsSelect, { eventIds }],
      rsvpsOfUser: [rsvpsOfUserSelect, { userId: people[2]?.id as string, eventIds }],
    } as const;
    for (const [name, [select, params]] of Object.entries(cases)) {
      const read = precompiledListReads[name as keyof typeof cases] as (
        d: typeof db,
        p: typeof params,
      ) => Promise<unknown[]>;
      const plain = await (select as (d: typeof db, p: typeof params) => { execute(): Promise<unknown[]> })(
        db,
        params,
      ).execute();
      expect(plain.length, name).toBeGreaterThan(0);
      expect(sorted(await read(db, params)), name).toEqual(sorted(plain));
    }
    // Lists of every length the list pages ask for (padded to fixed lengths by repeating the last id).
    for (const n of [1, 2, 3]) {
      const some = eventIds.slice(0, n);
      const plain = await rsvpCountsSelect(db, { eventIds: some }).execute();
      expect(sorted(await precompiledListReads.rsvpCounts(db, { eventIds: some }))).toEqual(sorted(plain));
    }
  });
});
