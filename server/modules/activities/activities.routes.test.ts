import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ActivityList, ActivityPrivacyDetails } from '../../../common/contracts/activities.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, signIn, type TestClient } from '../../test/client.ts';
import { buildMember, buildNetwork, buildUser } from '../../test/factories.ts';
import type { NetworkRow } from '../networks/index.ts';
import { KEY_FILE } from './notes-cipher.ts';

const NOTE = 'We practised the bus route to the job centre; next time forms for the language course.';
const NOTE_WITH_ADDRESS = 'Meine Mentee wohnt in der Goethestraße 14 und sucht eine Wohnung.';

describe.each(DIALECTS)('the mentoring log on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  async function person(network: NetworkRow, role: 'mentor' | 'office' | 'meta_mentor' = 'mentor') {
    const user = await buildMember(t.ctx, network, { role });
    return { id: user.id, client: await signIn(t.app, user) };
  }

  async function logNetwork() {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const base = `/api/networks/${network.slug}/activities`;
    return {
      network,
      base,
      anna: await person(network),
      ben: await person(network),
      meta: await person(network, 'meta_mentor'),
      office: await person(network, 'office'),
    };
  }

  const entry = {
    date: '2026-11-03',
    durationMinutes: 90,
    kind: 'accompaniment',
    topics: ['work', 'language_learning', 'work'],
    menteeCode: 'K-12',
    note: NOTE,
  };
  const log = (client: TestClient, base: string, body: object = {}) =>
    client.post(base, { ...entry, ...body });

  it('logs an activity for its author, lists, changes and deletes it', async () => {
    const { base, anna } = await logNetwork();
    const created = await log(anna.client, base);
    expect(created.statusCode, created.body).toBe(201);
    const activity = created.json() as Activity;
    expect(activity).toMatchObject({
      date: '2026-11-03',
      durationMinutes: 90,
      kind: 'accompaniment',
      topics: ['work', 'language_learning'],
      menteeCode: 'K-12',
      note: NOTE,
      privacyConfirmed: false,
    });
    await log(anna.client, base, { date: '2026-11-10', menteeCode: 'A7', note: '' });

    const list = (await anna.client.get(base)).json() as ActivityList;
    expect(list.activities.map((a) => a.menteeCode)).toEqual(['A7', 'K-12']);
    expect(list.menteeCodes).toEqual(['A7', 'K-12']);
    const ranged = (await anna.client.get(`${base}?from=2026-11-01&to=2026-11-05`)).json() as ActivityList;
    expect(ranged.activities.map((a) => a.id)).toEqual([activity.id]);

    const changed = await anna.client.patch(`${base}/${activity.id}`, {
      durationMinutes: 45,
      note: 'Shorter.',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ durationMinutes: 45, note: 'Shorter.', kind: 'accompaniment' });

    expect((await anna.client.delete(`${base}/${activity.id}`)).statusCode).toBe(204);
    expect((await anna.client.delete(`${base}/${activity.id}`)).statusCode).toBe(404);
    expect(((await anna.client.get(base)).json() as ActivityList).activities).toHaveLength(1);
  });

  it('rejects mentee codes that are not short pseudonyms', async () => {
    const { base, anna } = await logNetwork();
    for (const menteeCode of ['Anna Müller', 'A-very-long-code-1', '', '-A7'])
      expect(errorCode(await log(anna.client, base, { menteeCode })), menteeCode).toBe('VALIDATION_FAILED');
    expect((await log(anna.client, base, { menteeCode: 'Ж-3' })).statusCode).toBe(201);
  });

  it('privacy-checks the note and stores the confirmation', async () => {
    const { base, anna } = await logNetwork();
    const refused = await log(anna.client, base, { note: NOTE_WITH_ADDRESS });
    expect(refused.statusCode).toBe(422);
    expect(errorCode(refused)).toBe('PRIVACY_FINDINGS');
    const details = refused.json().error.details as ActivityPrivacyDetails;
    expect(details.note.map((f) => f.kind)).toContain('address');
    expect(((await anna.client.get(base)).json() as ActivityList).activities).toEqual([]);

    const confirmed = await log(anna.client, base, { note: NOTE_WITH_ADDRESS, privacyConfirmed: true });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const id = (confirmed.json() as Activity).id;
    expect(confirmed.json()).toMatchObject({ privacyConfirmed: true });
    // A changed note is checked again.
    expect(errorCode(await anna.client.patch(`${base}/${id}`, { note: NOTE_WITH_ADDRESS }))).toBe(
      'PRIVACY_FINDINGS',
    );
    const cleaned = await anna.client.patch(`${base}/${id}`, { note: NOTE });
    expect(cleaned.json()).toMatchObject({ privacyConfirmed: false, note: NOTE });
  });

  it('shows nobody else an activity: not other mentors, staff or platform admins', async () => {
    const { network, base, anna, ben, meta, office } = await logNetwork();
    const id = ((await log(anna.client, base)).json() as Activity).id;
    for (const other of [ben, meta, office]) {
      expect(((await other.client.get(base)).json() as ActivityList).activities).toEqual([]);
      expect(((await other.client.get('/api/me/activities')).json() as ActivityList).activities).toEqual([]);
      expect((await other.client.patch(`${base}/${id}`, { note: 'x' })).statusCode).toBe(404);
      expect((await other.client.delete(`${base}/${id}`)).statusCode).toBe(404);
    }
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    expect(errorCode(await admin.get(base))).toBe('FORBIDDEN');
    expect(((await admin.get('/api/me/activities')).json() as ActivityList).activities).toEqual([]);
    // Nor does any answer of the network's other endpoints carry the note.
    for (const url of [`/api/networks/${network.slug}`, `/api/networks/${network.slug}/members`]) {
      const res = await meta.client.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('bus route');
      expect(res.body).not.toContain('K-12');
    }
    expect((await anna.client.patch(`${base}/${id}`, { note: 'still mine' })).statusCode).toBe(200);
  });

  it('stores the note encrypted: the column holds no plaintext and is bound to its row', async () => {
    const { base, anna } = await logNetwork();
    const id = ((await log(anna.client, base)).json() as Activity).id;
    const row = await t.ctx.database.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.noteSealed).toBeTruthy();
    const stored = JSON.stringify(row);
    for (const fragment of ['bus route', 'job centre', Buffer.from('bus route').toString('base64')])
      expect(stored).not.toContain(fragment);
    // Two activities with the same note seal differently (a fresh IV each time).
    const second = ((await log(anna.client, base)).json() as Activity).id;
    const other = await t.ctx.database.db
      .selectFrom('activities')
      .select('noteSealed')
      .where('id', '=', second)
      .executeTakeFirstOrThrow();
    expect(other.noteSealed).not.toBe(row.noteSealed);
    // A sealed note copied onto another row does not open there.
    await t.ctx.database.db
      .updateTable('activities')
      .set({ noteSealed: row.noteSealed })
      .where('id', '=', second)
      .execute();
    expect((await anna.client.get(base)).statusCode).toBe(500);
    await t.ctx.database.db.deleteFrom('activities').where('id', '=', second).execute();
    // Without ACTIVITY_NOTES_KEY the key was generated into the data directory.
    const key = Buffer.from(readFileSync(path.join(t.database.dataDir, KEY_FILE), 'utf8').trim(), 'base64');
    expect(key.length).toBe(32);
  });

  it('lists one’s log across networks and exports it as CSV with a translated header', async () => {
    const { base, anna } = await logNetwork();
    const other = await buildNetwork(t.ctx, { name: 'Zweites Netz' });
    const user = await buildMember(t.ctx, other, { user: await findUser(anna.id) });
    expect(user.id).toBe(anna.id);
    await log(anna.client, base, { note: '=HYPERLINK("x")' });
    await log(anna.client, `/api/networks/${other.slug}/activities`, { date: '2026-11-20', kind: 'meeting' });
    const all = (await anna.client.get('/api/me/activities')).json() as ActivityList;
    expect(all.activities.map((a) => a.network.name)).toEqual(['Zweites Netz', 'Fictional Mentor Network']);

    const csv = await anna.client.get('/api/me/activities.csv?lang=de');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('Datum,Netzwerk,Dauer (Minuten),Art,Themen,Mentee-Code,Notiz');
    expect(lines[1]).toContain('2026-11-20,Zweites Netz,90,Treffen,Arbeit; Sprache lernen,K-12,');
    // A note that a spreadsheet would run as a formula is defused.
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect((await freshGet('/api/me/activities.csv')).statusCode).toBe(401);
  });

  async function findUser(id: string) {
    return t.ctx.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  const freshGet = (url: string) => t.app.inject({ method: 'GET', url });
});
