import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildNetwork } from '../../test/factories.ts';
import {
  activePartnershipsSelect,
  insertPartnership,
  listActivePartnerIds,
  precompiledPartnerReads,
} from './partnerships.repository.ts';

// The active partners are read by every list that shows shared items, precompiled: the same rows
// as the plain query, on both databases, whichever side asked.
describe.each(DIALECTS)('the precompiled read of active partners on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives the rows of its plain query', async () => {
    const db = t.ctx.database.db;
    const [network, asked, answered, pending] = [
      await buildNetwork(t.ctx),
      await buildNetwork(t.ctx),
      await buildNetwork(t.ctx),
      await buildNetwork(t.ctx),
    ];
    const partnership = (networkId: string, partnerId: string, status: 'active' | 'pending') =>
      insertPartnership(db, {
        id: newId(),
        networkId,
        partnerId,
        status,
        requestedBy: null,
        decidedBy: null,
        endedBy: null,
        createdAt: isoNow(),
        decidedAt: null,
        endedAt: null,
      });
    await partnership(network.id, asked.id, 'active');
    await partnership(answered.id, network.id, 'active');
    await partnership(network.id, pending.id, 'pending');
    const params = { networkId: network.id };
    const plain = await activePartnershipsSelect(db, params).execute();
    expect(plain).toHaveLength(2);
    const byIds = (rows: { networkId: string; partnerId: string }[]) =>
      [...rows].sort((a, b) => (a.networkId + a.partnerId).localeCompare(b.networkId + b.partnerId));
    expect(byIds(await precompiledPartnerReads.activePartnerships(db, params))).toEqual(byIds(plain));
    expect((await listActivePartnerIds(db, network.id)).sort()).toEqual([asked.id, answered.id].sort());
  });
});
