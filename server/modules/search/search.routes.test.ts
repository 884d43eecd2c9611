import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, TestClient } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';
import { toTsquery } from './search.postgres.ts';
import { searchRepository } from './search.repository.ts';
import { toFts5 } from './search.sqlite.ts';
import { parseSearchQuery } from './search-query.ts';

describe('search query parsing', () => {
  it('reads words, phrases, exclusions and alternatives, and drops engine syntax', () => {
    expect(toFts5(parseSearchQuery('Wohnung "Jobcenter Termin" -Miete or Ämter'))).toBe(
      '(("Wohnung"* AND "Jobcenter Termin"*) NOT "Miete") OR ("Ämter"*)',
    );
    expect(toFts5(parseSearchQuery('NEAR(a b) title:x * ^ "'))).toBe(
      '("NEAR"* AND "a" AND "b" AND "title"* AND "x")',
    );
    expect(toFts5(parseSearchQuery('!!! -nur'))).toBeNull();
  });

  it('reads the same query for PostgreSQL: wanted words as prefixes, excluded ones exactly', () => {
    expect(toTsquery(parseSearchQuery('Wohnung "Jobcenter Termin" -Miete or Ämter'))).toBe(
      "(('wohnung':*) & ('jobcenter' <-> 'termin':*) & !('miete')) | (('amter':*))",
    );
    expect(toTsquery(parseSearchQuery("!!! -nur ' & |"))).toBeNull();
    // Words shorter than MIN_PREFIX_LENGTH match whole words only.
    expect(toTsquery(parseSearchQuery('zu Amt'))).toBe("(('zu') & ('amt':*))");
  });
});

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let other: NetworkRow;
  let alice: { client: TestClient; id: string };
  beforeAll(async () => {
    t = await buildTestApp(dialect, { LOG_LEVEL: 'error' });
    network = await buildNetwork(t.ctx, { visibility: 'private' });
    other = await buildNetwork(t.ctx, { visibility: 'private' });
    alice = await signedInMember(network, 'Alice Wohlgemuth');
    const bob = await signedInMember(other, 'Bob Geheim');
    const space = await spaceId(alice.client, network.slug);
    await startTopic(alice.client, network.slug, {
      spaceId: space,
      title: 'Wohnungssuche und Mietvertrag',
      body: 'Wer kennt sich mit Mietverträgen und der Kaution aus? Die Wohnung ist in der Müllerstraße.',
    });
    await startTopic(alice.client, network.slug, {
      spaceId: space,
      title: 'Sprachkurs',
      body: 'Ein Kurs für Erwachsene; nebenbei: Wohnungssuche ist schwer.',
    });
    await startTopic(alice.client, network.slug, {
      spaceId: space,
      title: 'مساعدة في السكن',
      body: 'أبحث عن شقة للعائلة في المدينة',
    });
    await startTopic(alice.client, network.slug, {
      spaceId: space,
      title: 'Ελληνικά μαθήματα',
      body: 'Ψάχνω εθελοντή για μαθήματα γλώσσας <b>script</b>',
    });
    await startTopic(bob.client, other.slug, {
      spaceId: await spaceId(bob.client, other.slug),
      title: 'Geheime Wohnungssuche',
      body: 'Nur für das andere Netzwerk.',
    });
  });
  afterAll(() => t.close());

  async function signedInMember(net: NetworkRow, displayName: string, accepted = true) {
    const user = await buildUser(t.ctx, { displayName });
    await buildMember(t.ctx, net, { user, accepted });
    return { client: await signIn(t.app, user), id: user.id };
  }

  const find = async (client: TestClient, query: string) => {
    const res = await client.get(`/api/search?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().results as {
      type: string;
      id: string;
      title: string;
      snippet: { text: string; mark: boolean }[];
      titleMarks: { text: string; mark: boolean }[];
    }[];
  };

  const text = (pieces: { text: string }[] | undefined) => (pieces ?? []).map((p) => p.text).join('');
  const marked = (pieces: { text: string; mark: boolean }[] | undefined) =>
    (pieces ?? []).filter((p) => p.mark).map((p) => p.text);

  it('finds topics ranked by where the words occur, with plain-text snippets and the matches marked', async () => {
    const results = await find(alice.client, 'q=Wohnungssuche&type=topic');
    expect(results.map((r) => r.title)).toEqual(['Wohnungssuche und Mietvertrag', 'Sprachkurs']);
    expect(results[0]?.titleMarks).toEqual([
      { text: 'Wohnungssuche', mark: true },
      { text: ' und Mietvertrag', mark: false },
    ]);
    expect(marked(results[1]?.snippet)).toEqual(['Wohnungssuche']);
    const greek = await find(alice.client, `q=${encodeURIComponent('μαθήματα')}`);
    // Markup in a post is text, handed over as text (the web app never renders it as HTML).
    expect(text(greek[0]?.snippet)).toBe('Ψάχνω εθελοντή για μαθήματα γλώσσας <b>script</b>');
    expect(marked(greek[0]?.snippet)).toEqual(['μαθήματα']);
  });

  it('matches the start of words, so a part of a German compound finds the whole', async () => {
    const topics = await find(alice.client, 'q=wohnung&type=topic');
    expect(topics.map((r) => r.title).sort()).toEqual(['Sprachkurs', 'Wohnungssuche und Mietvertrag']);
    expect(marked(topics.find((r) => r.title === 'Sprachkurs')?.snippet)).toEqual(['Wohnungssuche']);
    expect((await find(alice.client, 'q=mietv')).map((r) => r.title)).toEqual([
      'Wohnungssuche und Mietvertrag',
    ]);
    // Excluded words stay whole words: -Kur does not exclude "Kurs".
    expect((await find(alice.client, 'q=Sprach%20-Kur&type=topic')).map((r) => r.title)).toEqual([
      'Sprachkurs',
    ]);
    expect(await find(alice.client, 'q=Sprach%20-Kurs&type=topic')).toEqual([]);
  });

  it('shows snippets without Markdown, mentions as @Name, around the match', async () => {
    const space = await spaceId(alice.client, network.slug);
    const filler = 'Vorher steht hier ein langer Absatz über ganz andere Dinge. '.repeat(6);
    await startTopic(alice.client, network.slug, {
      spaceId: space,
      title: 'Besichtigung',
      body: `${filler}\n\n## Termin\n\n**Morgen** fragt @[Alice Wohlgemuth](${alice.id}) nach der _Zimmerbesichtigung_ [beim Amt](https://example.org) \`code\`.`,
    });
    const [hit] = await find(alice.client, 'q=zimmer');
    const snippet = text(hit?.snippet);
    expect(snippet).toContain(
      'Termin Morgen fragt @Alice Wohlgemuth nach der Zimmerbesichtigung beim Amt code.',
    );
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).not.toMatch(/[*_#[\]()`]|https|[0-9a-f]{8}-/);
    expect(marked(hit?.snippet)).toEqual(['Zimmerbesichtigung']);
  });

  it('works across languages: umlauts, ß, Arabic and Greek', async () => {
    expect((await find(alice.client, `q=${encodeURIComponent('Müllerstraße')}`)).map((r) => r.title)).toEqual(
      ['Wohnungssuche und Mietvertrag'],
    );
    // Accents aside on both databases (SQLite's remove_diacritics, PostgreSQL's folded index).
    expect((await find(alice.client, 'q=Mullerstr')).map((r) => r.title)).toEqual([
      'Wohnungssuche und Mietvertrag',
    ]);
    // FTS5's unicode61 drops accents of Latin letters only; PostgreSQL's fold drops Greek tonos too.
    const greekWithoutTonos = (await find(alice.client, `q=${encodeURIComponent('ελληνικα')}`)).map(
      (r) => r.title,
    );
    expect(greekWithoutTonos).toEqual(dialect === 'postgres' ? ['Ελληνικά μαθήματα'] : []);
    expect((await find(alice.client, `q=${encodeURIComponent('أبحث')}`)).map((r) => r.title)).toEqual([
      'مساعدة في السكن',
    ]);
    expect((await find(alice.client, `q=${encodeURIComponent('شقة')}`)).map((r) => r.title)).toEqual([
      'مساعدة في السكن',
    ]);
    expect((await find(alice.client, `q=${encodeURIComponent('ΕΘΕΛΟΝΤΉ')}`)).map((r) => r.title)).toEqual([
      'Ελληνικά μαθήματα',
    ]);
    expect(await find(alice.client, `q=${encodeURIComponent('"Kaution Wohnung"')}`)).toEqual([]);
    expect(
      await find(alice.client, `q=${encodeURIComponent('Wohnungssuche -Kurs')}&type=topic`),
    ).toHaveLength(1);
  });

  it('finds replies until they are deleted, and members by name', async () => {
    const space = await spaceId(alice.client, network.slug);
    const topic = await startTopic(alice.client, network.slug, { spaceId: space, title: 'Amtsbesuche' });
    const carol = await signedInMember(network, 'Carol Übersetzerin');
    const reply = await carol.client.post(`/api/networks/${network.slug}/topics/${topic.id}/replies`, {
      body: 'Ich begleite gern zum Standesamt.',
    });
    expect(reply.statusCode).toBe(201);
    const replies = await find(alice.client, 'q=Standesamt');
    expect(replies).toMatchObject([{ type: 'reply', id: reply.json().id, title: 'Amtsbesuche' }]);
    expect(
      (await carol.client.delete(`/api/networks/${network.slug}/posts/${reply.json().id}`)).statusCode,
    ).toBe(200);
    expect(await find(alice.client, 'q=Standesamt')).toEqual([]);

    const members = await find(alice.client, `q=${encodeURIComponent('Übersetzerin')}&type=member`);
    expect(members).toMatchObject([{ type: 'member', id: carol.id, title: 'Carol Übersetzerin' }]);
    expect(await find(alice.client, 'q=Geheim&type=member')).toEqual([]);
  });

  it('never shows a private network to non-members, members held at the agreement or admins outside', async () => {
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    expect(await find(stranger, 'q=Wohnungssuche')).toEqual([]);
    expect(await find(stranger, 'q=Alice')).toEqual([]);
    expect((await stranger.get(`/api/search?q=Wohnungssuche&network=${network.slug}`)).statusCode).toBe(404);

    const pending = await signedInMember(network, 'Paul Pending', false);
    expect(await find(pending.client, 'q=Wohnungssuche')).toEqual([]);
    expect(errorCode(await pending.client.get(`/api/search?q=Wohnungssuche&network=${network.slug}`))).toBe(
      'AGREEMENT_REQUIRED',
    );

    // Alice sees her network only, never "Geheime Wohnungssuche" of the other one.
    expect((await find(alice.client, 'q=Geheime')).length).toBe(0);
    expect((await alice.client.get(`/api/search?q=Geheime&network=${other.slug}`)).statusCode).toBe(404);

    const admin = await buildUser(t.ctx);
    const org = await buildOrganisation(t.ctx, { adminId: admin.id });
    const adminNetwork = await buildNetwork(t.ctx, { visibility: 'private', organisationId: org.id });
    const adminClient = await signIn(t.app, admin);
    expect(errorCode(await adminClient.get(`/api/search?q=x&network=${adminNetwork.slug}`))).toBe(
      'FORBIDDEN',
    );
  });

  it('pages with a cursor and refuses bad input', async () => {
    const first = (await alice.client.get('/api/search?q=Wohnungssuche&limit=1')).json();
    expect(first.results).toHaveLength(1);
    const second = (
      await alice.client.get(`/api/search?q=Wohnungssuche&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.results).toHaveLength(1);
    expect(second.results[0].id).not.toBe(first.results[0].id);

    expect(errorCode(await alice.client.get('/api/search?q='))).toBe('VALIDATION_FAILED');
    expect(errorCode(await alice.client.get('/api/search?q=%20%20'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await alice.client.get(`/api/search?q=${'a'.repeat(201)}`))).toBe('VALIDATION_FAILED');
    expect(errorCode(await alice.client.get('/api/search?q=x&type=file'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await alice.client.get('/api/search?q=x&cursor=bm9wZQ'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await alice.client.get('/api/search?q=x&cursor=WyJ4Il0'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await alice.client.get('/api/search?q=x&cursor=Wy01XQ'))).toBe('VALIDATION_FAILED');
    expect(await find(alice.client, `q=${encodeURIComponent('"(*) OR NEAR')}`)).toEqual([]);
    expect((await new TestClient(t.app).get('/api/search?q=x')).statusCode).toBe(401);
  });

  it("ranks only the newest matches in the searcher's networks when a word is very common", async () => {
    const repository = searchRepository(t.ctx.database.db, dialect);
    const find = async (candidates: number) => {
      const hits = await repository.search({
        query: parseSearchQuery('Wohnungssuche'),
        networkIds: [network.id],
        offset: 0,
        limit: 10,
        candidates,
      });
      return hits.map((h) => h.title).sort();
    };
    // The newest match of all is in the other network: it must not take the only candidate place.
    expect(await find(1)).toEqual(['Sprachkurs']);
    expect(await find(2)).toEqual(['Sprachkurs', 'Wohnungssuche und Mietvertrag']);
    expect(await find(1000)).toEqual(['Sprachkurs', 'Wohnungssuche und Mietvertrag']);
  });
});
