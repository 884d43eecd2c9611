import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as searchMoreKinds from '../../db/migrations/2026-12-06T1500-search-more-kinds.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn, type TestClient } from '../../test/client.ts';
import { buildEvent } from '../../test/events.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../../test/factories.ts';
import { buildHelpRequest } from '../../test/help-requests.ts';
import type { NetworkRow } from '../networks/index.ts';

interface Result {
  type: string;
  id: string;
  title: string;
  slug: string | null;
  network: { slug: string } | null;
  snippet: { text: string; mark: boolean }[];
}

describe.each(DIALECTS)(
  'search of announcements, help requests, events and organisations on %s',
  (dialect) => {
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

    async function helpRequest(
      net: NetworkRow,
      requesterId: string,
      kind: 'question' | 'case',
      title: string,
    ) {
      const id = await buildHelpRequest(t.ctx, { networkId: net.id, requesterId, kind });
      await t.ctx.database.db
        .updateTable('helpRequests')
        .set({ title, bodySource: 'Wer weiß **Rat**? Ich frage für die Familie.' })
        .where('id', '=', id)
        .execute();
      return id;
    }

    beforeAll(async () => {
      t = await buildTestApp(dialect, { LOG_LEVEL: 'error' });
      network = await buildNetwork(t.ctx, { visibility: 'private' });
      other = await buildNetwork(t.ctx, { visibility: 'private' });
      alice = await signedInMember(network, 'Alice Wohlgemuth');
      bob = await signedInMember(other, 'Bob Geheim');
      const now = isoNow();
      ids.announcement = newId();
      await t.ctx.database.db
        .insertInto('announcements')
        .values({
          id: ids.announcement,
          networkId: network.id,
          authorId: alice.id,
          title: 'Sommerfest',
          bodySource: `Bitte bei @[Alice Wohlgemuth](${alice.id}) melden: **Wohnungsbörse** im Hof.`,
          bodyHtml: '',
          pinned: 1,
          shareWithPartners: 0,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      ids.question = await helpRequest(network, alice.id, 'question', 'Hilfe bei der Wohnungssuche');
      ids.case = await helpRequest(network, alice.id, 'case', 'Fallberatung: Wohnungsräumung droht');
      ids.otherCase = await helpRequest(other, bob.id, 'case', 'Fallberatung: Wohnungsnot');
      ids.event = (
        await buildEvent(t.ctx, network, alice.id, { title: 'Mentorencafé zum Wohnungsmarkt' })
      ).id;
      await t.ctx.database.db
        .updateTable('events')
        .set({ address: 'Karl-Liebknecht-Straße 1, Leipzig' })
        .where('id', '=', ids.event)
        .execute();
      const partner = await buildOrganisation(t.ctx, {
        name: 'Wohnungshilfe Leipzig',
        description: 'Beratung rund um die Wohnung',
      });
      ids.partner = partner.id;
      await t.ctx.database.db
        .insertInto('networkOrganisations')
        .values({ networkId: network.id, organisationId: partner.id, addedBy: null, createdAt: now })
        .execute();
      await buildOrganisation(t.ctx, { name: 'Wohnungslotsen anderswo' });
    });
    afterAll(() => t.close());

    const find = async (client: TestClient, query: string) => {
      const res = await client.get(`/api/search?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().results as Result[];
    };
    const text = (r: Result | undefined) => (r?.snippet ?? []).map((p) => p.text).join('');

    it('finds each kind in the networks the searcher takes part in, with links and plain snippets', async () => {
      const results = await find(alice.client, 'q=wohnung');
      const byType = (type: string) => results.filter((r) => r.type === type);
      expect(byType('announcement').map((r) => r.id)).toEqual([ids.announcement]);
      expect(text(byType('announcement')[0])).toBe(
        'Bitte bei @Alice Wohlgemuth melden: Wohnungsbörse im Hof.',
      );
      expect(
        byType('help_request')
          .map((r) => r.id)
          .sort(),
      ).toEqual([ids.question, ids.case].sort());
      expect(byType('event')).toMatchObject([{ id: ids.event, network: { slug: network.slug } }]);
      expect(byType('organisation')).toMatchObject([
        {
          id: ids.partner,
          title: 'Wohnungshilfe Leipzig',
          slug: expect.any(String),
          network: { slug: network.slug },
        },
      ]);
      expect(results.some((r) => r.id === ids.otherCase)).toBe(false);

      expect((await find(alice.client, 'q=Liebknecht&type=event')).map((r) => r.id)).toEqual([ids.event]);
      expect((await find(alice.client, 'q=wohnung&type=help_request')).map((r) => r.type)).toEqual([
        'help_request',
        'help_request',
      ]);
    });

    it('shows case consultations only to members of their network who accepted its agreement', async () => {
      expect((await find(bob.client, 'q=Fallberatung')).map((r) => r.id)).toEqual([ids.otherCase]);
      const pending = await signedInMember(network, 'Paul Pending', false);
      expect(await find(pending.client, 'q=Fallberatung')).toEqual([]);
      const stranger = await signIn(t.app, await buildUser(t.ctx));
      expect(await find(stranger, 'q=wohnung')).toEqual([]);
    });

    it('indexes the rows that were there before the migration (backfill), and undoes it', async () => {
      const db = t.ctx.database.db as unknown as Kysely<unknown>;
      await searchMoreKinds.down(db);
      expect(await find(alice.client, 'q=Wohnungssuche&type=help_request')).toEqual([]);
      await searchMoreKinds.up(db);
      expect((await find(alice.client, 'q=Wohnungssuche&type=help_request')).map((r) => r.id)).toEqual([
        ids.question,
      ]);
    });

    it('follows edits and deletions of the source rows', async () => {
      await t.ctx.database.db
        .updateTable('announcements')
        .set({ title: 'Herbstfest' })
        .where('id', '=', ids.announcement ?? '')
        .execute();
      expect((await find(alice.client, 'q=herbst')).map((r) => r.id)).toEqual([ids.announcement]);
      expect(await find(alice.client, 'q=Sommerfest')).toEqual([]);
      await t.ctx.database.db
        .deleteFrom('events')
        .where('id', '=', ids.event ?? '')
        .execute();
      expect(await find(alice.client, 'q=Mentorencafé')).toEqual([]);
    });
  },
);
