import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-app.ts';
import { buildNetwork } from '../../test/factories.ts';
import { activeSinceSelect, countsSinceSelect, type LiveSpanParams } from './today.repository.ts';

/**
 * Today's live reads of the dashboard find their rows through the time index of the table that holds
 * them, whatever the statistics say. SQLite only runs ANALYZE when told to (an operator may); with
 * statistics for a busy platform and none for a table still empty (no attendance recorded yet),
 * its planner started from the events and read every one of them for each request.
 */
describe('the plan of the dashboard reads of today on sqlite', () => {
  let t: TestApp;
  let params: LiveSpanParams;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const network = await buildNetwork(t.ctx);
    const db = t.ctx.database.db;
    // The statistics of the large generated set, as ANALYZE wrote them (event_attendance empty: no row).
    await sql`analyze`.execute(db);
    await sql`delete from sqlite_stat1`.execute(db);
    await sql`insert into sqlite_stat1 (tbl, idx, stat) values
      ('events', 'events_network_start_idx', '8567 86 1'),
      ('events', 'sqlite_autoindex_events_1', '8567 1'),
      ('event_rsvps', 'event_rsvps_responded_idx', '57755 19'),
      ('event_rsvps', 'sqlite_autoindex_event_rsvps_1', '57755 8 1'),
      ('memberships', 'memberships_user_idx', '20437 3 3'),
      ('memberships', 'memberships_network_ended_idx', '20437 205 205'),
      ('messages', 'messages_created_idx', '1000000 1'),
      ('messages', 'messages_conversation_idx', '1000000 203 1')`.execute(db);
    // Reloads the statistics into the planner.
    await sql`analyze sqlite_schema`.execute(db);
    const day = new Date().toISOString().slice(0, 10);
    params = {
      networkId: network.id,
      since: `${day}T00:10:00.000Z`,
      until: `${day}T00:20:00.000Z`,
      day,
      dayStart: `${day}T00:00:00.000Z`,
      dayEnd: `${day}T23:59:59.999Z`,
      dayKeyEnd: `${day}U`,
    };
  });
  afterAll(() => t.close());

  async function planOf(compiled: CompiledQuery): Promise<string[]> {
    const plan = await t.ctx.database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r.detail);
  }

  it('reads messages, RSVPs and attendance by their time, then looks their member or event up', async () => {
    const db = t.ctx.database.db;
    for (const query of [activeSinceSelect(db, params), countsSinceSelect(db, params)]) {
      const plan = await planOf(query.compile());
      expect(plan.filter((line) => line.startsWith('SCAN'))).toEqual([]);
      expect(plan).toContain('SEARCH m USING INDEX messages_created_idx (created_at>? AND created_at<?)');
      expect(plan).toContain(
        'SEARCH a USING INDEX event_attendance_occurrence_idx (occurrence_key>? AND occurrence_key<?)',
      );
      expect(plan).toContain('SEARCH e USING INDEX sqlite_autoindex_events_1 (id=?)');
    }
  });
});
