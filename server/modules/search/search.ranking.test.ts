import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchType } from '../../../common/contracts/search.ts';
import type { DB } from '../../db/schema.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn, type TestClient } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';
import {
  allowedDocuments,
  candidateScope,
  type RawHit,
  resultColumns,
  SEARCH_CANDIDATES,
  toHit,
} from './search.filters.ts';
import { toTsquery } from './search.postgres.ts';
import { searchRepository } from './search.repository.ts';
import { toFts5 } from './search.sqlite.ts';
import type { SearchHit, SearchParams } from './search.types.ts';
import { parseSearchQuery } from './search-query.ts';

/**
 * The search statement as it was before it ranked a bounded candidate list (issue 25): every
 * match from the newest candidate on is ranked and checked, then the page is cut. The fast path
 * must answer exactly what this answers, on both databases.
 */
async function searchByRankingEveryMatch(
  db: Kysely<DB>,
  dialect: string,
  params: SearchParams,
): Promise<SearchHit[]> {
  const candidates = params.candidates ?? SEARCH_CANDIDATES;
  if (dialect === 'postgres') {
    const tsquery = toTsquery(params.query);
    if (!tsquery) return [];
    const { rows } = await sql<RawHit>`
      WITH q AS (SELECT to_tsquery('simple', ${tsquery}) AS query)
      SELECT ${resultColumns(params)}
      FROM search_documents d, q
      WHERE d.tsv @@ q.query
        AND d.id >= (SELECT MIN(c.id) FROM (
          SELECT c.id FROM search_documents c, q WHERE c.tsv @@ q.query AND ${candidateScope(params, 'c')}
          ORDER BY c.id DESC LIMIT ${candidates}) c)
        AND ${allowedDocuments(params)}
      ORDER BY ts_rank(d.tsv, q.query) DESC, d.id
      LIMIT ${params.limit} OFFSET ${params.offset}`.execute(db);
    return rows.map(toHit);
  }
  const match = toFts5(params.query);
  if (!match) return [];
  const { rows } = await sql<RawHit>`
    SELECT ${resultColumns(params)}
    FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ${match}
      AND search_fts.rowid >= (SELECT MIN(c.id) FROM (
        SELECT search_fts.rowid AS id FROM search_fts JOIN search_documents c ON c.id = search_fts.rowid
        WHERE search_fts MATCH ${match} AND ${candidateScope(params, 'c')}
        ORDER BY search_fts.rowid DESC LIMIT ${candidates}) c)
      AND ${allowedDocuments(params)}
    ORDER BY bm25(search_fts, 5.0, 1.0), d.id
    LIMIT ${params.limit} OFFSET ${params.offset}`.execute(db);
  return rows.map(toHit);
}

// Words that recur with different frequencies, so that ranks differ and tie.
const WORDS = ['Wohnung', 'Wohnungssuche', 'Sprachkurs', 'Termin', 'beim', 'Amt', 'Miete', 'Kurse', 'heute'];
const textOf = (seed: number, length: number) =>
  Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * i * 3 + i) % WORDS.length]).join(' ');

describe.each(DIALECTS)('search ranks a bounded candidate list on %s', (dialect) => {
  let t: TestApp;
  let mine: NetworkRow;
  let also: NetworkRow;
  let networkIds: string[];

  beforeAll(async () => {
    t = await buildTestApp(dialect, { LOG_LEVEL: 'error' });
    mine = await buildNetwork(t.ctx, { visibility: 'private' });
    also = await buildNetwork(t.ctx, { visibility: 'private' });
    const elsewhere = await buildNetwork(t.ctx, { visibility: 'private' });
    networkIds = [mine.id, also.id];
    const member = async (network: NetworkRow, displayName: string) => {
      const user = await buildUser(t.ctx, { displayName });
      await buildMember(t.ctx, network, { user, accepted: true });
      return signIn(t.app, user);
    };
    const writers: [NetworkRow, TestClient][] = [
      [mine, await member(mine, 'Wohnung Termin Anna')],
      [also, await member(also, 'Sprachkurs Bea')],
      [elsewhere, await member(elsewhere, 'Amt Miete Cleo')],
    ];
    await member(mine, 'Kurse heute Dana');
    for (let i = 0; i < 24; i++) {
      const [network, client] = writers[i % writers.length] as [NetworkRow, TestClient];
      const topic = await startTopic(client, network.slug, {
        spaceId: await spaceId(client, network.slug),
        title: textOf(i, 1 + (i % 3)),
        body: textOf(i + 5, 2 + ((i * 5) % 9)),
      });
      for (let r = 0; r < i % 4; r++) {
        const reply = await client.post(`/api/networks/${network.slug}/topics/${topic.id}/replies`, {
          body: textOf(i * 3 + r, 1 + ((i + r) % 6)),
        });
        expect(reply.statusCode).toBe(201);
        // Some replies are deleted (gone from the index), ...
        if ((i + r) % 5 === 0) {
          const gone = await client.delete(`/api/networks/${network.slug}/posts/${reply.json().id}`);
          expect(gone.statusCode).toBe(200);
        }
      }
      // ... and some topics, whose replies stay indexed but must never be found.
      if (i % 7 === 3) {
        expect((await client.delete(`/api/networks/${network.slug}/topics/${topic.id}`)).statusCode).toBe(
          200,
        );
      }
    }
  });
  afterAll(() => t.close());

  // Members were indexed first: "Anna" and "Dana" match only the oldest documents.
  const QUERIES = [
    'Anna or Dana',
    'Wohnung',
    'wohn',
    'Kurs -Miete',
    '"Termin beim"',
    'Amt or Sprachkurs',
    'heute Termin',
    'Zzyzx',
  ];
  const TYPES: (SearchType | undefined)[] = [undefined, 'topic', 'reply', 'member'];
  // Candidates ranked, and on PostgreSQL the newest documents walked per candidate: few enough
  // that the matches are found in the first walk, a second one, and the GIN index.
  const CANDIDATES: [number, number | undefined][] = [
    [1, undefined],
    [4, undefined],
    [9, undefined],
    [SEARCH_CANDIDATES, undefined],
    [9, 1],
    [12, 2],
  ];

  it('answers every page exactly as ranking every match and then filtering does', async () => {
    const repository = searchRepository(t.ctx.database.db, dialect);
    let compared = 0;
    for (const q of QUERIES) {
      for (const type of TYPES) {
        for (const [candidates, walkedPerCandidate] of CANDIDATES) {
          for (const limit of [3, 21]) {
            for (let offset = 0; ; offset += limit) {
              const params = {
                query: parseSearchQuery(q),
                networkIds,
                type,
                offset,
                limit,
                candidates,
                walkedPerCandidate,
              };
              const expected = await searchByRankingEveryMatch(t.ctx.database.db, dialect, params);
              expect(
                await repository.search(params),
                `${q} ${type} ${candidates}/${walkedPerCandidate} ${offset}/${limit}`,
              ).toEqual(expected);
              compared += expected.length;
              if (expected.length < limit) break;
            }
          }
        }
      }
    }
    // The data must give the comparison something to compare, deleted and ranked alike.
    expect(compared).toBeGreaterThan(500);
  });

  it('finds nothing of a deleted topic, its replies or another network, however many candidates', async () => {
    const repository = searchRepository(t.ctx.database.db, dialect);
    const hits = await repository.search({
      query: parseSearchQuery('Wohnung or Amt or Sprachkurs or Termin or Kurse or heute or Miete'),
      networkIds,
      offset: 0,
      limit: 500,
    });
    expect(hits.length).toBeGreaterThan(30);
    const db = t.ctx.database.db;
    const deletedTopics = await db
      .selectFrom('topics')
      .select('id')
      .where('deletedAt', 'is not', null)
      .execute();
    expect(deletedTopics.length).toBeGreaterThan(0);
    const deleted = new Set(deletedTopics.map((r) => r.id));
    for (const hit of hits) {
      if (hit.kind === 'topic' || hit.kind === 'reply') {
        expect(deleted.has(hit.topicId ?? '')).toBe(false);
        expect(networkIds).toContain(hit.networkId);
      }
    }
    // The index still holds replies of the deleted topics: the statement, not the index, hides them.
    const indexedReplies = await db
      .selectFrom('searchDocuments as d')
      .innerJoin('posts as p', 'p.id', 'd.refId')
      .select('d.id')
      .where('d.kind', '=', 'reply')
      .where('p.topicId', 'in', [...deleted])
      .execute();
    expect(indexedReplies.length).toBeGreaterThan(0);
  });
});
