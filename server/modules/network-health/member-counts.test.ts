import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { addMember, leaveNetwork } from '../members/index.ts';

/**
 * The dashboard's "members now" is kept by triggers on memberships; after every kind of change it
 * equals the count of the memberships that have not ended, on both databases.
 */
describe.each(DIALECTS)('members now, kept by triggers, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function kept(networkId: string): Promise<number> {
    const row = await t.ctx.database.db
      .selectFrom('networkMemberCounts')
      .select('members')
      .where('networkId', '=', networkId)
      .executeTakeFirst();
    return Number(row?.members ?? 0);
  }

  async function counted(networkId: string): Promise<number> {
    const row = await t.ctx.database.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('networkId', '=', networkId)
      .where('endedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('follows joining, leaving, removal, a rejoin, a deleted user and a deleted membership', async () => {
    const network = await buildNetwork(t.ctx);
    const other = await buildNetwork(t.ctx);
    await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const ana = await buildMember(t.ctx, network);
    const ben = await buildMember(t.ctx, network);
    const cem = await buildMember(t.ctx, network);
    await buildMember(t.ctx, other, { user: ana });
    const steps: Array<[string, () => Promise<unknown>, number]> = [
      ['four joined', async () => {}, 4],
      ['one left', () => leaveNetwork(t.ctx, network, ana.id), 3],
      [
        'one removed',
        () =>
          t.ctx.database.db
            .updateTable('memberships')
            .set({ status: 'removed', endedAt: isoNow(), endReason: 'Fictional reason' })
            .where('networkId', '=', network.id)
            .where('userId', '=', ben.id)
            .execute(),
        2,
      ],
      [
        'one rejoined',
        () => addMember(t.ctx, { network, userId: ana.id, role: 'mentor', actorId: null, via: 'seed' }),
        3,
      ],
      ['a user deleted', () => t.ctx.database.db.deleteFrom('users').where('id', '=', cem.id).execute(), 2],
      [
        'a membership deleted',
        () =>
          t.ctx.database.db
            .deleteFrom('memberships')
            .where('networkId', '=', network.id)
            .where('userId', '=', ana.id)
            .execute(),
        1,
      ],
    ];
    for (const [step, change, expected] of steps) {
      await change();
      expect({ step, kept: await kept(network.id), counted: await counted(network.id) }).toEqual({
        step,
        kept: expected,
        counted: expected,
      });
    }
    // The other network's count moved only with its own memberships.
    expect(await kept(other.id)).toBe(1);
    expect(await counted(other.id)).toBe(1);
  });

  it('counts a network without members as none, and forgets a deleted network', async () => {
    const empty = await buildNetwork(t.ctx);
    expect(await kept(empty.id)).toBe(0);
    const gone = await buildNetwork(t.ctx);
    await buildMember(t.ctx, gone, { user: await buildUser(t.ctx) });
    expect(await kept(gone.id)).toBe(1);
    await sql`delete from networks where id = ${gone.id}`.execute(t.ctx.database.db);
    const left = await t.ctx.database.db
      .selectFrom('networkMemberCounts')
      .select('members')
      .where('networkId', '=', gone.id)
      .execute();
    expect(left).toEqual([]);
  });
});
