import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn } from '../../test/client.ts';
import { spaceId, startTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';

/**
 * The topic list of a space looks the space up only when the first page is empty: topics of the space
 * in this network prove it is this network's. These tests hold the answers to what the lookup gave:
 * 404 for a space of another network (with or without a cursor), an empty list for an empty space.
 */
describe.each(DIALECTS)('topic list of a space on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers as the space lookup did, and topics stay in spaces of their own network', async () => {
    const network = await buildNetwork(t.ctx);
    const other = await buildNetwork(t.ctx);
    const alice = await signIn(t.app, await buildMember(t.ctx, network, { role: 'mentor' }));
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const olga = await signIn(t.app, await buildMember(t.ctx, other, { role: 'mentor' }));
    const list = (client: typeof alice, space: string, cursor?: string) =>
      client.get(
        `/api/networks/${network.slug}/topics?spaceId=${space}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );

    const questions = await spaceId(alice, network.slug, 'questions');
    const ideas = await spaceId(alice, network.slug, 'ideas');
    const experiences = await spaceId(alice, network.slug, 'experiences');
    const foreign = await spaceId(olga, other.slug, 'questions');
    await startTopic(olga, other.slug, { spaceId: foreign, title: 'Over there' });
    await startTopic(olga, other.slug, { spaceId: foreign, title: 'Over there too' });
    // Topics may not be started in another network's space.
    expect(
      errorCode(
        await alice.post(`/api/networks/${network.slug}/topics`, {
          spaceId: foreign,
          title: 'Forged space',
          body: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');

    const first = await startTopic(alice, network.slug, { spaceId: questions, title: 'First' });
    await startTopic(alice, network.slug, { spaceId: questions, title: 'Second' });
    const page = await list(alice, questions);
    expect(page.statusCode).toBe(200);
    expect(page.json().topics).toHaveLength(1);
    const cursor = page.json().nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await list(alice, questions, cursor)).json().topics).toHaveLength(1);

    // An empty space of this network: an empty list.
    expect((await list(alice, ideas)).json()).toEqual({ topics: [], nextCursor: null });
    // A space of another network, with topics there: 404, on the first page and with a cursor
    // (a cursor from elsewhere, or a broken one: the space is looked at first).
    expect(errorCode(await list(alice, foreign))).toBe('NOT_FOUND');
    expect(errorCode(await list(alice, foreign, cursor))).toBe('NOT_FOUND');
    expect(errorCode(await list(alice, foreign, 'not-a-cursor'))).toBe('NOT_FOUND');
    expect(errorCode(await list(alice, questions, 'not-a-cursor'))).toBe('VALIDATION_FAILED');

    // A space whose only topic is deleted: empty for members, the deleted topic for moderators.
    const gone = await startTopic(alice, network.slug, { spaceId: experiences, title: 'Gone' });
    expect((await alice.delete(`/api/networks/${network.slug}/topics/${gone.id}`)).statusCode).toBe(200);
    expect((await list(alice, experiences)).json()).toEqual({ topics: [], nextCursor: null });
    expect((await list(meta, experiences)).json().topics.map((x: { id: string }) => x.id)).toEqual([gone.id]);
    expect(first.spaceId).toBe(questions);

    // Every topic is in a space of its own network.
    const misplaced = await t.ctx.database.db
      .selectFrom('topics as t')
      .innerJoin('spaces as s', 's.id', 't.spaceId')
      .select('t.id')
      .whereRef('s.networkId', '!=', 't.networkId')
      .execute();
    expect(misplaced).toEqual([]);
  });
});
