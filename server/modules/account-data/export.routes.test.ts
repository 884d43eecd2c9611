import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataExportState } from '../../../common/contracts/account-data.ts';
import { buildPersonWithData, PDF, runJobs, TYPED } from '../../test/account-data.ts';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildUser, mailsTo } from '../../test/factories.ts';
import { type CreationOptionsJson, SoftwareAuthenticator } from '../../test/passkey-authenticator.ts';

describe.each(DIALECTS)('the data export on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const json = (files: Record<string, Uint8Array>, name: string) => {
    const file = files[`data/${name}.json`];
    if (!file) throw new Error(`no data/${name}.json in ${Object.keys(files).join(', ')}`);
    return JSON.parse(strFromU8(file)) as Record<string, unknown>[];
  };

  it('builds a zip of everything about the person, mails them and lets only them download it', async () => {
    const { anna, client, benClient, topicId } = await buildPersonWithData(t);
    expect((await client.get('/api/me/export')).json()).toEqual({ export: null });
    const options = await client.post('/api/me/passkeys/registration/options', {
      currentPassword: anna.password,
    });
    const passkey = await client.post('/api/me/passkeys', {
      name: 'Phone',
      credential: new SoftwareAuthenticator(TEST_ORIGIN).create(options.json() as CreationOptionsJson),
    });
    expect(passkey.statusCode, passkey.body).toBe(201);

    const started = await client.post('/api/me/export');
    expect(started.statusCode, started.body).toBe(202);
    const pending = (started.json() as DataExportState).export;
    expect(pending).toMatchObject({ status: 'pending', downloadUrl: null });
    // One at a time.
    expect(errorCode(await client.post('/api/me/export'))).toBe('EXPORT_IN_PROGRESS');

    await runJobs(t.ctx);
    const ready = ((await client.get('/api/me/export')).json() as DataExportState).export;
    expect(ready).toMatchObject({ id: pending?.id, status: 'ready' });
    expect(Date.parse(ready?.expiresAt ?? '') - Date.parse(ready?.readyAt ?? '')).toBe(7 * 86_400_000);
    const url = ready?.downloadUrl as string;
    const mail = (await mailsTo(t.ctx, anna.email)).find((m) => m.template === 'data_export_ready');
    expect(mail?.rawText).toContain('/account#your-data');

    // Someone else, signed in or not, gets nothing.
    expect((await benClient.get(url)).statusCode).toBe(404);
    expect(errorCode(await freshClient(t.app).get(url))).toBe('UNAUTHENTICATED');

    const download = await client.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="mentornet-data-/);
    const files = unzipSync(new Uint8Array(download.rawPayload));

    expect(json(files, 'account')).toEqual([
      expect.objectContaining({ id: anna.id, email: anna.email, displayName: anna.displayName }),
    ]);
    expect(strFromU8(files['data/account.json'] as Uint8Array)).not.toContain('passwordHash');
    expect(json(files, 'profile')[0]).toMatchObject({
      bio: TYPED.bio,
      region: TYPED.region,
      availability: TYPED.availability,
    });
    expect(json(files, 'memberships')).toEqual([
      expect.objectContaining({ role: 'mentor', status: 'active' }),
    ]);
    expect(json(files, 'topics')).toEqual([
      expect.objectContaining({ id: topicId, title: TYPED.topicTitle }),
    ]);
    expect(json(files, 'posts')).toEqual([expect.objectContaining({ topicId, bodySource: TYPED.post })]);
    expect(json(files, 'messages')).toEqual([expect.objectContaining({ body: TYPED.message })]);
    expect(json(files, 'helpRequests')).toHaveLength(1);
    // The mentoring-log note, sealed at rest, opened for its author.
    expect(json(files, 'activities')).toEqual([
      expect.objectContaining({ menteeCode: 'K-12', note: TYPED.note }),
    ]);
    expect(strFromU8(files['data/activities.json'] as Uint8Array)).not.toContain('noteSealed');
    expect(json(files, 'legalConsents')).toEqual(expect.any(Array));
    const sessions = json(files, 'sessions');
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toContain('tokenHash');
    expect(sessions[0]).toMatchObject({ signInMethod: 'password' });
    expect(json(files, 'passkeys')).toEqual([
      { id: expect.any(String), name: 'Phone', createdAt: expect.any(String), lastUsedAt: null, backedUp: 0 },
    ]);
    for (const section of [
      'reactions',
      'eventAnswers',
      'eventsOrganised',
      'volunteerTrainings',
      'networkAgreements',
    ])
      expect(json(files, section)).toEqual(expect.any(Array));

    // Their files: the avatar (as stored) and the attachment they uploaded.
    expect(files['files/avatar.webp']?.length).toBeGreaterThan(0);
    const attachment = Object.keys(files).find((name) => name.startsWith('files/attachments/'));
    expect(attachment).toMatch(/-Lebenslauf\.pdf$/);
    expect(Buffer.from(files[attachment as string] as Uint8Array).equals(PDF)).toBe(true);
  });

  it('removes the zip after its week and answers 410 from then on', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    await client.post('/api/me/export');
    await runJobs(t.ctx);
    const ready = ((await client.get('/api/me/export')).json() as DataExportState).export;
    // The week passes.
    await t.ctx.database.db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .where('kind', '=', 'account.export_expiry')
      .where('status', '=', 'pending')
      .execute();
    await runJobs(t.ctx);
    expect(((await client.get('/api/me/export')).json() as DataExportState).export).toMatchObject({
      status: 'expired',
      downloadUrl: null,
    });
    const gone = await client.get(`/api/me/export/${ready?.id}/download`);
    expect(gone.statusCode).toBe(410);
    expect(errorCode(gone)).toBe('EXPORT_EXPIRED');
    // A new export may be asked for.
    expect((await client.post('/api/me/export')).statusCode).toBe(202);
  });
});
