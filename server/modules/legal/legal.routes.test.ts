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
    // Each publication is in the audit log, with its version.
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('action', 'in', ['platform.privacy_published', 'platform.terms_published'])
      .orderBy('createdAt')
      .execute();
    expect(audit.map((row) => [row.action, JSON.parse(row.details)])).toEqual([
      ['platform.privacy_published', { version: 1 }],
      ['platform.terms_published', { version: 1 }],
    ]);

    const current = (await visitor.get('/api/legal')).json();
    expect([current.privacy.version, current.terms.version]).toEqual([1, 1]);
    expect(current.privacy.body).toBe(notice.body);
    expect(current.privacy.bodyHtml).toContain('<h2>Privacy notice</h2>');

    // The rendering is safe: raw HTML and script links come out as text.
    const hostile = await admin.post('/api/admin/legal/terms', {
      body: '<script>alert(1)</script>\n\n[click](javascript:alert(2))',
    });
    expect(hostile.json().bodyHtml).not.toMatch(/<script|href="javascript:/);

    expect((await visitor.get('/api/me/legal')).statusCode).toBe(401);
    const pendingKinds = async () =>
      ((await member.get('/api/me/legal')).json().pending as { kind: string; version: number }[]).map(
        (p) => `${p.kind}@${p.version}`,
      );
    expect(await pendingKinds()).toEqual(['privacy@1', 'terms@2']);

    // Accepting must name every pending text, and only current versions.
    expect(errorCode(await member.post('/api/me/legal', { privacy: 1 }))).toBe('DOCUMENT_CHANGED');
    expect(errorCode(await member.post('/api/me/legal', { privacy: 2, terms: 1 }))).toBe('DOCUMENT_CHANGED');
    expect((await member.post('/api/me/legal', { privacy: 1, terms: 2 })).statusCode).toBe(204);
    expect(await pendingKinds()).toEqual([]);
    // Accepting again is harmless.
    expect((await member.post('/api/me/legal', { privacy: 1, terms: 2 })).statusCode).toBe(204);

    const second = await admin.post('/api/admin/legal/privacy', {
      body: '# Privacy notice v2',
      summary: 'Retention',
    });
    expect(second.json().version).toBe(2);
    expect(await pendingKinds()).toEqual(['privacy@2']);
    // A returning person sees what changed since the version they accepted; a first reader sees no diff.
    const [changed] = (await member.get('/api/me/legal')).json().pending;
    expect(changed.summary).toBe('Retention');
    expect(changed.changes.sinceVersion).toBe(1);
    expect(changed.changes.parts).toContainEqual({ change: 'added', text: '# Privacy notice v2' });
    expect(changed.changes.parts.filter((p: { change: string }) => p.change === 'removed')).not.toEqual([]);
    const newcomer = await signIn(t.app, await buildUser(t.ctx));
    const firstRead = (await newcomer.get('/api/me/legal')).json().pending;
    expect(firstRead.map((p: { changes: unknown }) => p.changes)).toEqual([null, null]);
    expect(errorCode(await member.post('/api/me/legal', { privacy: 1 }))).toBe('DOCUMENT_CHANGED');
    expect((await member.post('/api/me/legal', { privacy: 2 })).statusCode).toBe(204);
    expect(await pendingKinds()).toEqual([]);
  });

  it('offers platform admins starting texts in English and German, and previews Markdown as it will be published', async () => {
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    const member = await signIn(t.app, await buildUser(t.ctx));
    const en = await admin.get('/api/admin/legal/privacy/template');
    expect(en.statusCode, en.body).toBe(200);
    expect(en.json().body).toMatch(/^# Privacy notice\n/);
    expect(en.json().body).toContain('GDPR');
    const de = (await admin.get('/api/admin/legal/terms/template?locale=de')).json().body;
    expect(de).toMatch(/^# Nutzungsbedingungen\n/);
    expect((await admin.get('/api/admin/legal/privacy/template?locale=de')).json().body).toContain('DSGVO');
    expect((await admin.get('/api/admin/legal/terms/template')).json().body).toMatch(/^# Terms of use\n/);
    expect(errorCode(await admin.get('/api/admin/legal/terms/template?locale=fr'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await admin.get('/api/admin/legal/cookies/template'))).toBe('VALIDATION_FAILED');
    expect((await member.get('/api/admin/legal/privacy/template')).statusCode).toBe(403);
    expect((await freshClient(t.app).get('/api/admin/legal/privacy/template')).statusCode).toBe(401);

    const preview = await admin.post('/api/admin/legal/preview', { body: '# Title\n\n<b>raw</b> **bold**' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().html).toContain('<h2>Title</h2>');
    expect(preview.json().html).toContain('<strong>bold</strong>');
    expect(preview.json().html).not.toContain('<b>');
    expect((await member.post('/api/admin/legal/preview', { body: 'x' })).statusCode).toBe(403);
  });

  it('records the versions accepted at sign-up, and refuses a sign-up that shows an old or no version', async () => {
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1 }));
    await admin.post('/api/admin/legal/privacy', { body: '# Privacy notice for sign-up' });
    await admin.post('/api/admin/legal/terms', { body: '# Terms for sign-up' });
    const current = (await freshClient(t.app).get('/api/legal')).json();
    const accepted = { privacy: current.privacy.version, terms: current.terms.version };
    const register = (email: string, acceptedLegal?: unknown) =>
      freshClient(t.app).post('/api/auth/register', {
        email,
        password: 'amber-kite-meadow-42',
        displayName: 'Sam Signup',
        locale: 'en',
        ...(acceptedLegal !== undefined && { acceptedLegal }),
      });
    expect(errorCode(await register('no-consent@example.org'))).toBe('DOCUMENT_CHANGED');
    const stale = await register('stale@example.org', { ...accepted, privacy: accepted.privacy - 1 });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'DOCUMENT_CHANGED']);
    const ok = await register('consenting@example.org', accepted);
    expect(ok.statusCode, ok.body).toBe(202);
    const rows = await t.ctx.database.db
      .selectFrom('legalAcceptances')
      .innerJoin('users', 'users.id', 'legalAcceptances.userId')
      .select(['legalAcceptances.kind', 'legalAcceptances.version', 'users.email'])
      .where('users.email', 'in', ['consenting@example.org', 'stale@example.org', 'no-consent@example.org'])
      .orderBy('legalAcceptances.kind')
      .execute();
    expect(rows.map((r) => [r.email, r.kind, Number(r.version)])).toEqual([
      ['consenting@example.org', 'privacy', accepted.privacy],
      ['consenting@example.org', 'terms', accepted.terms],
    ]);
  });
});
