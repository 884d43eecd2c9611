import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn, type TestClient } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';

interface Listed {
  jobs: { id: string; kind: string; isMail: boolean; attempts: number; lastError: string | null }[];
  total: number;
  nextOffset: number | null;
}

describe.each(DIALECTS)('operator view of the job queue on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
  });
  afterAll(() => t.close());

  /** Stores a job as the queue leaves it after its last attempt failed (or one that waits too long). */
  async function storeJob(kind: string, status: 'failed' | 'pending', runAt = isoNow()): Promise<string> {
    const id = newId();
    const now = isoNow();
    await t.ctx.database.db
      .insertInto('jobs')
      .values({
        id,
        kind,
        payload: '{}',
        status,
        attempts: status === 'failed' ? 10 : 0,
        maxAttempts: 10,
        runAt,
        lockedUntil: null,
        lastError: status === 'failed' ? `${kind}: connect ECONNREFUSED` : null,
        createdAt: now,
        updatedAt: now,
        finishedAt: status === 'failed' ? now : null,
      })
      .execute();
    return id;
  }

  it('lists failed jobs mail first with their error; retry makes one due again; drop removes one', async () => {
    const other = await storeJob('digest.weekly', 'failed');
    const mail = await storeJob('mail.send', 'failed');
    const listed = (await admin.get('/api/admin/jobs?state=failed')).json() as Listed;
    const ids = listed.jobs.map((j) => j.id);
    expect(ids).toContain(mail);
    expect(ids.indexOf(mail)).toBeLessThan(ids.indexOf(other));
    const shown = listed.jobs.find((j) => j.id === mail);
    expect(shown).toMatchObject({ kind: 'mail.send', isMail: true, attempts: 10 });
    expect(shown?.lastError).toContain('ECONNREFUSED');

    expect((await admin.post(`/api/admin/jobs/${mail}/retry`)).statusCode).toBe(204);
    const row = await t.ctx.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', mail)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 0, finishedAt: null });
    expect(Date.parse(row.runAt)).toBeLessThanOrEqual(Date.now());
    const after = (await admin.get('/api/admin/jobs?state=failed')).json() as Listed;
    expect(after.jobs.map((j) => j.id)).not.toContain(mail);

    expect((await admin.delete(`/api/admin/jobs/${other}`)).statusCode).toBe(204);
    const gone = await t.ctx.database.db.selectFrom('jobs').select('id').where('id', '=', other).execute();
    expect(gone).toEqual([]);
  });

  it('lists stuck jobs: due for longer than the threshold', async () => {
    const stuck = await storeJob('mail.send', 'pending', new Date(Date.now() - 3_600_000).toISOString());
    const listed = (await admin.get('/api/admin/jobs?state=stuck')).json() as Listed;
    expect(listed.jobs.map((j) => j.id)).toContain(stuck);
  });

  it('pages long lists', async () => {
    for (let i = 0; i < 3; i++) await storeJob('mail.send', 'failed');
    const first = (await admin.get('/api/admin/jobs?state=failed&limit=2')).json() as Listed;
    expect(first.jobs).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.nextOffset).toBe(2);
    const second = (await admin.get('/api/admin/jobs?state=failed&limit=2&offset=2')).json() as Listed;
    expect(second.jobs[0]?.id).not.toBe(first.jobs[0]?.id);
  });

  it('answers 404 JOB_NOT_FOUND for an unknown id, and 400 for a bad state', async () => {
    const retry = await admin.post('/api/admin/jobs/nope/retry');
    expect([retry.statusCode, errorCode(retry)]).toEqual([404, 'JOB_NOT_FOUND']);
    const drop = await admin.delete('/api/admin/jobs/nope');
    expect([drop.statusCode, errorCode(drop)]).toEqual([404, 'JOB_NOT_FOUND']);
    expect((await admin.get('/api/admin/jobs?state=everything')).statusCode).toBe(400);
  });

  it('is for platform admins only: 403 for others, 401 for visitors', async () => {
    const id = await storeJob('mail.send', 'failed');
    const member = await signIn(t.app, await buildUser(t.ctx));
    for (const res of [
      await member.get('/api/admin/jobs'),
      await member.post(`/api/admin/jobs/${id}/retry`),
      await member.delete(`/api/admin/jobs/${id}`),
    ])
      expect([res.statusCode, errorCode(res)]).toEqual([403, 'FORBIDDEN']);
    const visitor = freshClient(t.app);
    for (const res of [await visitor.get('/api/admin/jobs'), await visitor.delete(`/api/admin/jobs/${id}`)])
      expect([res.statusCode, errorCode(res)]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
