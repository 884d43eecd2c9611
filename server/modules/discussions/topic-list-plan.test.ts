import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { type TopicPageParams, topicPageQuery } from './topics.repository.ts';

/**
 * The topic list of a space runs as a named statement on PostgreSQL, which keeps a generic plan
 * (planned without the values). That plan must read the page in order from one index and stop at
 * the limit, however busy the space: never combine indexes and sort what they found.
 */
describe.each(DIALECTS)('the plan of a page of topics on %s', (dialect) => {
  let t: TestApp;
  let params: TopicPageParams;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const network = await buildNetwork(t.ctx);
    const user = await buildMember(t.ctx, network, { role: 'mentor' });
    const alice = await signIn(t.app, user);
    const space = await spaceId(alice, network.slug, 'questions');
    for (let i = 0; i < 3; i++) {
      await startTopic(alice, network.slug, { spaceId: space, title: `Topic ${i}` });
    }
    if (dialect === 'postgres') {
      // A busy space (most of its network's topics) in a table of a hundred networks: with such
      // statistics a generic plan that can combine the space's index with the network's does
      // (estimated: a row or less; read: every topic of the space).
      const db = t.ctx.database.db;
      await sql`insert into networks (id, slug, name, languages, visibility, organisation_id, created_at, updated_at)
        select 'plan-' || i, 'plan-' || i, 'Plan ' || i, n.languages, n.visibility, n.organisation_id, now(), now()
        from networks as n, generate_series(1, 100) as i where n.id = ${network.id}`.execute(db);
      await sql`insert into spaces (id, network_id, position, created_at, updated_at)
        select n.id || '-' || i, n.id, i, now(), now()
        from networks as n, generate_series(1, 3) as i where n.id like 'plan-%'`.execute(db);
      await sql`insert into topics (id, network_id, space_id, title, pinned, last_activity_at, created_at, updated_at)
        select 'busy-' || s.id || '-' || i, s.network_id, s.id, 'Busy ' || i, 0,
          now() - i * interval '1 minute', now(), now()
        from spaces as s,
          generate_series(1, case when s.id = ${space} then 3000 else 20 end) as i
        where s.network_id = ${network.id} or s.network_id like 'plan-%'`.execute(db);
      await sql`analyze topics`.execute(db);
    }
    params = {
      networkId: network.id,
      spaceId: space,
      viewerId: user.id,
      includeDeleted: false,
      afterPinned: undefined,
      afterActivity: undefined,
      afterId: undefined,
      limit: 21,
    };
  });
  afterAll(() => t.close());

  /** The plan of the page as its statement runs: on PostgreSQL the generic plan of a prepared statement. */
  async function planOf(p: TopicPageParams): Promise<string> {
    const db = t.ctx.database.db;
    const { sql: text, parameters } = topicPageQuery(db, p).compile();
    if (dialect === 'sqlite') {
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
      );
      return plan.rows.map((r) => r.detail).join('\n');
    }
    return db.transaction().execute(async (tx: Kysely<DB>) => {
      await sql`set local plan_cache_mode = force_generic_plan`.execute(tx);
      await tx.executeQuery(CompiledQuery.raw(`prepare topic_page as ${text}`));
      try {
        const values = sql.join(parameters.map((v) => sql.lit(v as string | number)));
        const plan = await sql<{ 'QUERY PLAN': string }>`explain execute topic_page(${values})`.execute(tx);
        return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await tx.executeQuery(CompiledQuery.raw('deallocate topic_page'));
      }
    });
  }

  it('reads a space through its index in order, first page and with a cursor', async () => {
    const cursor = { afterPinned: 0, afterActivity: new Date().toISOString(), afterId: 'zzzz' };
    for (const p of [params, { ...params, ...cursor }, { ...params, includeDeleted: true }]) {
      const plan = await planOf(p);
      expect(plan).toContain('topics_space_network_activity_idx');
      if (dialect === 'sqlite') {
        expect(plan).not.toMatch(/TEMP B-TREE/);
      } else {
        expect(plan).toMatch(/Index Scan Backward using topics_space_network_activity_idx/);
        expect(plan).not.toMatch(/Sort|BitmapAnd|Bitmap Heap Scan on topics/);
      }
    }
  });
});
