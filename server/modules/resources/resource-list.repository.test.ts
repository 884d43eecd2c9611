import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { buildResource } from '../../test/resources.ts';
import { precompiledResourceReads, resourcePageSelect, staffOnlySelect } from './resources.repository.ts';

// The resource list's reads are precompiled, one statement per shape (filters, cursor, partners;
// on SQLite read on the reader connection): each shape must give exactly the rows of its plain
// Kysely query, on both databases.
describe.each(DIALECTS)('the resource list’s precompiled reads on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('give the rows of their plain queries in every shape', async () => {
    const db = t.ctx.database.db;
    const network = await buildNetwork(t.ctx);
    const partner = await buildNetwork(t.ctx);
    const author = await buildMember(t.ctx, network);
    const other = await buildMember(t.ctx, partner);
    const at = (i: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + i * 60_000).toISOString();
    for (let i = 0; i < 12; i++)
      await buildResource(t.ctx, {
        networkId: network.id,
        authorId: author.id,
        kind: i % 3 === 0 ? 'link' : 'page',
        title: i % 4 === 0 ? `Housing 100%_guide ${i}` : `Guide ${i}`,
        tags: i % 2 === 0 ? ['housing', 'language'] : ['work'],
        language: i % 2 === 0 ? 'de' : 'en',
        expertise: i % 5 === 0 ? ['legal_asylum'] : [],
        // Two share a change time: the cursor orders them by id.
        updatedAt: at(i === 7 ? 6 : i),
      });
    for (let i = 0; i < 3; i++)
      await buildResource(t.ctx, {
        networkId: partner.id,
        authorId: other.id,
        title: `Shared ${i}`,
        shareWithPartners: i !== 1,
        updatedAt: at(20 + i),
      });
    const plainRows = await resourcePageSelect(db, base(network.id)).execute();
    const cursor = plainRows[4] as { updatedAt: string; id: string };
    const shapes: Record<string, Parameters<typeof resourcePageSelect>[1]> = {
      newest: base(network.id),
      kind: { ...base(network.id), kind: 'link' },
      language: { ...base(network.id), language: 'de' },
      tag: { ...base(network.id), tagPattern: '%"housing"%' },
      expertise: { ...base(network.id), expertisePattern: '%"legal_asylum"%' },
      // A literal % and _ (escaped), as the service writes any text.
      text: { ...base(network.id), textPattern: '%100\\%\\_guide%' },
      cursor: { ...base(network.id), beforeAt: cursor.updatedAt, beforeId: cursor.id },
      all: {
        ...base(network.id),
        kind: 'page',
        language: 'de',
        tagPattern: '%"language"%',
        textPattern: '%guide%',
        beforeAt: cursor.updatedAt,
        beforeId: cursor.id,
      },
    };
    for (const [name, params] of Object.entries(shapes)) {
      const plain = await resourcePageSelect(db, params).execute();
      expect(plain.length, name).toBeGreaterThan(0);
      expect(await precompiledResourceReads.own(db, params), name).toEqual(plain);
    }
    const withShared = { ...base(network.id), sharedFrom: [partner.id] };
    const plain = await resourcePageSelect(db, withShared).execute();
    expect(plain.filter((r) => r.networkId === partner.id).map((r) => r.title)).toEqual([
      'Shared 2',
      'Shared 0',
    ]);
    expect(await precompiledResourceReads.withShared(db, withShared)).toEqual(plain);

    const staff = { networkId: network.id };
    expect(await precompiledResourceReads.staffOnly(db, staff)).toEqual(
      await staffOnlySelect(db, staff).execute(),
    );
  });
});

function base(networkId: string): Parameters<typeof resourcePageSelect>[1] {
  return {
    networkId,
    sharedFrom: undefined,
    kind: undefined,
    language: undefined,
    tagPattern: undefined,
    expertisePattern: undefined,
    textPattern: undefined,
    beforeAt: undefined,
    beforeId: undefined,
    limit: 21,
  };
}
