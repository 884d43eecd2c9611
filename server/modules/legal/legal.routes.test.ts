import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';

describe.each(DIALECTS)('privacy notice and terms of use on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('publishes versions (platform admins only), shows the current ones to anyone, asks again after a new one', async () => {
    const visitor = freshClient(t.app);
    expect((await visitor.get('/api/legal')).json()).toEqual({ privacy: null, terms: null });

    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    const member = await signIn(t.app, await buildUser(t.ctx));
    const notice = {
      body: '# Privacy notice\n\nExample Association e.V. (fictional) …',
      summary: 'First version',
    };
    expect((await member.post('/api/admin/legal/privacy', notice)).statusCode).toBe(403);
    expect((await visitor.post('/api/admin/legal/privacy', notice)).statusCode).toBe(401);
    expect((await admin.post('/api/admin/legal/cookies', notice)).statusCode).toBe(400);

    const first = await admin.post('/api/admin/legal/privacy', notice);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'privacy', version: 1, summary: 'First version' });
    const terms = await admin.post('/api/admin/legal/terms', { body: '# Terms of use' });
    expect(terms.json()).toMatchObject({ kind: 'terms', version: 1, summary: '' });

    const current = (await visitor.get('/api/legal')).json();
    expect([current.privacy.version, current.terms.version]).toEqual([1, 1]);
    expect(current.privacy.body).toBe(notice.body);

    expect((await visitor.get('/api/me/legal')).statusCode).toBe(401);
    const pendingKinds = async () =>
      ((await member.get('/api/me/legal')).json().pending as { kind: string; version: number }[]).map(
        (p) => `${p.kind}@${p.version}`,
      );
    expect(await pendingKinds()).toEqual(['privacy@1', 'terms@1']);

    // Accepting must name every pending text, and only current versions.
    expect(errorCode(await member.post('/api/me/legal', { privacy: 1 }))).toBe('DOCUMENT_CHANGED');
    expect(errorCode(await member.post('/api/me/legal', { privacy: 2, terms: 1 }))).toBe('DOCUMENT_CHANGED');
    expect((await member.post('/api/me/legal', { privacy: 1, terms: 1 })).statusCode).toBe(204);
    expect(await pendingKinds()).toEqual([]);
    // Accepting again is harmless.
    expect((await member.post('/api/me/legal', { privacy: 1, terms: 1 })).statusCode).toBe(204);

    const second = await admin.post('/api/admin/legal/privacy', {
      body: '# Privacy notice v2',
      summary: 'Retention',
    });
    expect(second.json().version).toBe(2);
    expect(await pendingKinds()).toEqual(['privacy@2']);
    expect(errorCode(await member.post('/api/me/legal', { privacy: 1 }))).toBe('DOCUMENT_CHANGED');
    expect((await member.post('/api/me/legal', { privacy: 2 })).statusCode).toBe(204);
    expect(await pendingKinds()).toEqual([]);
  });
});
