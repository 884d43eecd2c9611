import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpRequest } from '../../../common/contracts/help-requests.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import {
  listRequests,
  type RequestFilter,
  requestListParams,
  requestListQuery,
} from './help-requests.repository.ts';

// The help-request list is precompiled (built and compiled once per combination of filters, on
// SQLite read on the reader connection with each row as one JSON array): every shape must give
// exactly the rows the plain Kysely query gives, on both databases.
describe.each(DIALECTS)('the precompiled help-request list on %s', (dialect) => {
  let t: TestApp;
  let networkId: string;
  let askerId: string;
  let helperId: string;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const network = await buildNetwork(t.ctx);
    networkId = network.id;
    const base = `/api/networks/${network.slug}/help-requests`;
    const askerMember = await buildMember(t.ctx, network, { level: 'beginner' });
    const helperMember = await buildMember(t.ctx, network, { level: 'experienced' });
    askerId = askerMember.id;
    helperId = helperMember.id;
    const asker = await signIn(t.app, askerMember);
    const helper = await signIn(t.app, helperMember);
    const shapes = [
      { kind: 'question', expertise: ['health'], languages: ['uk'] },
      { kind: 'question', expertise: ['work', 'health'], languages: [] },
      { kind: 'case', expertise: ['family'], languages: ['ar', 'de'] },
      { kind: 'question', expertise: [], languages: ['de'] },
    ];
    for (let i = 0; i < 12; i++) {
      const shape = shapes[i % shapes.length];
      const client = i % 3 === 2 ? helper : asker;
      const res = await client.post(base, {
        ...shape,
        title: `Request number ${i}`,
        body: `What we need, number ${i}.`,
        urgency: 'soon',
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = (res.json() as HelpRequest).id;
      ids.push(id);
      if (i % 4 === 1) await helper.post(`${base}/${id}/offer`, {});
      if (i % 4 === 2 && client === asker)
        await helper.post(`${base}/${id}/responses`, { body: 'Here is how.' });
      if (i % 5 === 3) await asker.post(`${base}/${id}/status`, { status: 'resolved' });
    }
  }, 60_000);
  afterAll(() => t.close());

  const plain = (readerId: string, f: RequestFilter) =>
    requestListQuery(t.ctx.database.db, requestListParams(networkId, readerId, f)).execute();

  it('gives the rows of the plain query for every filter, cursor and reader', async () => {
    const db = t.ctx.database.db;
    const future = new Date(Date.now() + 60_000).toISOString();
    const filters: RequestFilter[] = [
      { limit: 50 },
      { limit: 5 },
      { limit: 50, status: 'open' },
      { limit: 50, status: 'resolved' },
      { limit: 50, kind: 'case' },
      { limit: 50, expertise: 'health' },
      { limit: 50, language: 'de' },
      { limit: 50, requesterId: askerId },
      { limit: 50, offeredBy: helperId },
      { limit: 50, unansweredBefore: future },
      { limit: 50, status: 'open', expertise: 'health', language: 'uk', requesterId: askerId },
    ];
    let compared = 0;
    for (const readerId of [askerId, helperId]) {
      for (const f of filters) {
        const fast = await listRequests(db, networkId, readerId, f);
        const rows = await plain(readerId, f);
        expect(fast).toEqual(rows);
        compared += rows.length;
        // The next page after the third row, by the keyset cursor.
        const third = rows[2];
        if (third) {
          const next = { ...f, before: [third.lastActivityAt, third.id] as [string, string] };
          const page = await listRequests(db, networkId, readerId, next);
          expect(page).toEqual(await plain(readerId, next));
          if (rows.length < f.limit) expect(page.map((r) => r.id)).toEqual(rows.slice(3).map((r) => r.id));
        }
      }
    }
    // The filters select something: the comparison is not of empty lists.
    expect(compared).toBeGreaterThan(100);
    const all = await listRequests(db, networkId, helperId, { limit: 50 });
    expect(all.map((r) => r.id).sort()).toEqual([...ids].sort());
    // Offers on requests 1 and 9 (5 is the helper's own: no offer).
    expect(all.filter((r) => Boolean(r.offeredByMe))).toHaveLength(2);
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(['open', 'answered', 'resolved']));
  });

  // help_requests_list_idx holds every column a list shows: a page needs none of the table's rows,
  // which carry the bodies and the pool of helpers.
  it.skipIf(dialect !== 'sqlite')('reads a page from the list index alone', async () => {
    const db = t.ctx.database.db;
    const { sql, parameters } = requestListQuery(
      db,
      requestListParams(networkId, askerId, { limit: 21 }),
    ).compile();
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]),
    );
    expect(plan.rows.map((r) => r.detail)).toContain(
      'SEARCH hr USING COVERING INDEX help_requests_list_idx (network_id=?)',
    );
  });
});
