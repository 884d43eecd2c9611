import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as searchResources from '../../db/migrations/2026-12-06T1550-search-resources.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn, type TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import { buildResource } from '../../test/resources.ts';
import type { NetworkRow } from '../networks/index.ts';

interface Result {
  type: string;
  id: string;
  title: string;
  network: { slug: string } | null;
  snippet: { text: string; mark: boolean }[];
}

describe.each(DIALECTS)('search of shared resources on %s', (dialect) => {
  let t: TestApp;
  let network: NetworkRow;
  let other: NetworkRow;
  let alice: { client: TestClient; id: string };
  let bob: { client: TestClient; id: string };
  const ids: Record<string, string> = {};

  async function signedInMember(net: NetworkRow, displayName: string, accepted = true) {
    const user = await buildUser(t.ctx, { displayName });
    await buildMember(t.ctx, net, { user, accepted });
    return { client: await signIn(t.app, user), id: user.id };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { LOG_LEVEL: 'error' });
    network = await buildNetwork(t.ctx, { visibility: 'private' });
    other = await buildNetwork(t.ctx, { visibility: 'private' });
    alice = await signedInMember(network, 'Alice Wohlgemuth');
    bob = await signedInMember(other, 'Bob Geheim');
    ids.page = await buildResource(t.ctx, {
      networkId: network.id,
      authorId: alice.id,
      title: 'Leitfaden Wohnungssuche',
      body: 'Erst **Schufa** besorgen, dann [Anzeigen](https://example.org) lesen.',
      tags: ['mietrecht', 'erstkontakt'],
    });
    ids.link = await buildResource(t.ctx, {
      networkId: network.id,
      authorId: alice.id,
      kind: 'link',
      title: 'Beratungsstellen',
      body: 'Liste der Stellen in der Stadt.',
    });
    ids.otherPage = await buildResource(t.ctx, {
      networkId: other.id,
      authorId: bob.id,
      title: 'Geheimer Wohnungsleitfaden',
    });
    // A file resource: its file name is searchable.
    ids.file = await buildResource(t.ctx, {
      networkId: network.id,
      authorId: alice.id,
      kind: 'file',
      title: 'Vorlage',
      body: '',
    });
    const attachmentId = newId();
    await t.ctx.database.db
      .insertInto('attachments')
      .values({
        id: attachmentId,
        networkId: network.id,
        uploaderId: alice.id,
        postId: null,
        fileName: 'Mietvertrag-Checkliste.pdf',
        contentType: 'application/pdf',
        size: 1234,
        storageKey: `test/${attachmentId}`,
        createdAt: isoNow(),
      })
      .execute();
    await t.ctx.database.db
      .updateTable('resources')
      .set({ attachmentId })
      .where('id', '=', ids.file)
      .execute();
  });
  afterAll(() => t.close());

  const find = async (client: TestClient, query: string) => {
    const res = await client.get(`/api/search?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().results as Result[];
  };
  const found = async (client: TestClient, query: string) => (await find(client, query)).map((r) => r.id);
  const text = (r: Result | undefined) => (r?.snippet ?? []).map((p) => p.text).join('');

  it('finds resources of my networks by title, text, tags and file name, with plain snippets', async () => {
    const results = await find(alice.client, 'q=wohnung&type=resource');
    expect(results).toMatchObject([
      { type: 'resource', id: ids.page, title: 'Leitfaden Wohnungssuche', network: { slug: network.slug } },
    ]);
    expect(text(results[0])).toBe('Erst Schufa besorgen, dann Anzeigen lesen. mietrecht erstkontakt');
    expect(await found(alice.client, 'q=schufa')).toEqual([ids.page]);
    expect(await found(alice.client, 'q=mietrecht')).toEqual([ids.page]);
    expect(await found(alice.client, 'q=Stellen&type=resource')).toEqual([ids.link]);
    expect(await found(alice.client, 'q=Checkliste')).toEqual([ids.file]);
  });

  it('shows them only to members of their network who accepted its agreement', async () => {
    expect(await found(bob.client, 'q=wohnung')).toEqual([ids.otherPage]);
    const pending = await signedInMember(network, 'Paul Pending', false);
    expect(await find(pending.client, 'q=Leitfaden')).toEqual([]);
    const stranger = await signIn(t.app, await buildUser(t.ctx));
    expect(await find(stranger, 'q=Leitfaden')).toEqual([]);
  });

  it('indexes the resources that were there before the migration (backfill), and undoes it', async () => {
    const db = t.ctx.database.db as unknown as Kysely<unknown>;
    await searchResources.down(db);
    expect(await find(alice.client, 'q=Checkliste')).toEqual([]);
    await searchResources.up(db);
    expect(await found(alice.client, 'q=Checkliste')).toEqual([ids.file]);
    expect(await found(alice.client, 'q=schufa')).toEqual([ids.page]);
  });

  it('follows edits and deletions of resources', async () => {
    await t.ctx.database.db
      .updateTable('resources')
      .set({ title: 'Leitfaden Umzug', tags: JSON.stringify(['umzugshilfe']) })
      .where('id', '=', ids.page ?? '')
      .execute();
    expect(await found(alice.client, 'q=Umzug')).toEqual([ids.page]);
    expect(await find(alice.client, 'q=mietrecht')).toEqual([]);
    expect(await find(alice.client, 'q=Wohnungssuche')).toEqual([]);
    await t.ctx.database.db
      .deleteFrom('resources')
      .where('id', '=', ids.page ?? '')
      .execute();
    expect(await find(alice.client, 'q=Umzug')).toEqual([]);
    expect(await find(alice.client, 'q=schufa')).toEqual([]);
  });
});
