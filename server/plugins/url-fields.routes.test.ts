import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../lib/i18n.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../test/build-app.ts';
import { signIn } from '../test/client.ts';
import { buildMember, buildNetwork, buildOrganisation, buildUser } from '../test/factories.ts';
import { browserKeys } from '../test/push.ts';

/** Every web address field goes through the one shared rule (common/urls.ts) and fails the same way. */
const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/x',
  '/relative/path',
];

/** The 400 answer of a refused address: stable codes and a message in the caller's language. */
function expectRefused(res: LightMyRequestResponse, field: string, locale: 'en' | 'de' = 'de') {
  expect(res.statusCode, res.body).toBe(400);
  const error = res.json().error as {
    code: string;
    details: { path: string[]; code: string; message: string }[];
  };
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details).toContainEqual({
    path: [field],
    code: 'invalid_url',
    message: translate(locale, 'validation.invalid_url'),
  });
}

describe.each(DIALECTS)('web address fields on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it("refuses unsafe addresses as an organisation's website and stores nothing", async () => {
    // A signed-in person reads errors in their account's language.
    const admin = await buildUser(t.ctx, { locale: 'de' });
    const org = await buildOrganisation(t.ctx, { adminId: admin.id });
    const client = await signIn(t.app, admin);
    const url = `/api/organisations/${org.slug}`;
    for (const website of HOSTILE) expectRefused(await client.patch(url, { website }), 'website');
    expect((await client.get(url)).json().website).toBeNull();
    const ok = await client.patch(url, { website: '  https://fictional-welcome.example.org/  ' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().website).toBe('https://fictional-welcome.example.org/');
    expect((await client.patch(url, { website: null })).json().website).toBeNull();
    const long = await client.patch(url, { website: `https://example.org/${'a'.repeat(300)}` });
    expect([long.statusCode, long.json().error.details[0].code]).toEqual([400, 'too_long']);
  });

  it('refuses an unsafe website when an organisation is registered', async () => {
    const client = await signIn(t.app, await buildUser(t.ctx, { locale: 'de' }));
    const res = await client.post('/api/organisations', {
      name: 'Fictional Harbour Aid',
      kind: 'ngo',
      country: 'DE',
      city: 'Musterstadt',
      languages: ['de'],
      website: 'javascript:alert(1)',
    });
    expectRefused(res, 'website');
  });

  it("refuses unsafe addresses as a MOOC session's course page", async () => {
    const orgAdmin = await buildUser(t.ctx);
    const organisation = await buildOrganisation(t.ctx, { adminId: orgAdmin.id });
    const network = await buildNetwork(t.ctx, { organisationId: organisation.id });
    const user = await buildUser(t.ctx, { locale: 'de' });
    const staff = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor', user }));
    const base = `/api/networks/${network.slug}/mooc-sessions`;
    const session = { title: 'Autumn cohort', startsOn: '2030-09-01', endsOn: '2030-12-01' };
    for (const courseUrl of HOSTILE)
      expectRefused(await staff.post(base, { ...session, courseUrl }), 'courseUrl');
    const created = await staff.post(base, { ...session, courseUrl: 'https://moodle.example.org/course/7' });
    expect(created.statusCode, created.body).toBe(201);
    const url = `${base}/${created.json().id}`;
    expectRefused(await staff.patch(url, { courseUrl: 'data:text/html,hi' }), 'courseUrl');
  });

  it("refuses unsafe addresses as an online event's link and a resource's link", async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const event = {
      title: 'Online café',
      description: '',
      language: 'de',
      format: 'online',
      timeZone: 'Europe/Berlin',
      startsLocal: '2030-02-05T18:00',
      endsLocal: '2030-02-05T20:00',
    };
    for (const onlineUrl of HOSTILE)
      expectRefused(
        await meta.post(`/api/networks/${network.slug}/events`, { ...event, onlineUrl }),
        'onlineUrl',
        'en',
      );
    const link = { kind: 'link', title: 'City housing office', language: 'en', body: 'Where to ask.' };
    for (const url of HOSTILE)
      expectRefused(
        await meta.post(`/api/networks/${network.slug}/resources`, { ...link, url }),
        'url',
        'en',
      );
  });

  it("refuses unsafe addresses as a directory entry's website, typed or imported from a CSV", async () => {
    const admin = await signIn(t.app, await buildUser(t.ctx, { isPlatformAdmin: 1, locale: 'de' }));
    const entry = { name: 'Fictional Advice Point', kind: 'ngo', country: 'DE' };
    for (const website of HOSTILE)
      expectRefused(await admin.post('/api/directory', { ...entry, website }), 'website');
    const created = await admin.post('/api/directory', { ...entry, website: 'https://advice.example.org/' });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/directory/${created.json().id}`;
    expectRefused(await admin.patch(url, { website: 'javascript:alert(1)' }), 'website');
    expect((await admin.get(url)).json().website).toBe('https://advice.example.org/');
    // An IP address is an address like any other under the one rule.
    expect((await admin.patch(url, { website: 'http://192.0.2.7/info' })).statusCode).toBe(200);

    const csv = ['name;country;website', ...HOSTILE.map((w, i) => `Row ${i + 1};DE;"${w}"`)].join('\r\n');
    const preview = await admin.post('/api/directory/import/preview', csv, { 'content-type': 'text/csv' });
    expect(preview.statusCode, preview.body).toBe(200);
    const rows = preview.json().rows as { problems: { problem: string }[] }[];
    expect(rows).toHaveLength(HOSTILE.length);
    for (const row of rows) expect(row.problems.map((p) => p.problem)).toContain('website_invalid');
  });

  it("refuses unsafe addresses as a browser's push endpoint", async () => {
    const client = await signIn(t.app, await buildUser(t.ctx, { locale: 'de' }));
    const subscription = { keys: browserKeys().keys, label: 'Phone' };
    for (const endpoint of HOSTILE)
      expectRefused(
        await client.post('/api/me/push-subscriptions', { ...subscription, endpoint }),
        'endpoint',
      );
  });

  it("refuses unsafe addresses when an event's or a resource's link is changed", async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await signIn(t.app, await buildMember(t.ctx, network, { role: 'meta_mentor' }));
    const event = await meta.post(`/api/networks/${network.slug}/events`, {
      title: 'Online café',
      description: '',
      language: 'de',
      format: 'online',
      timeZone: 'Europe/Berlin',
      startsLocal: '2030-02-05T18:00',
      endsLocal: '2030-02-05T20:00',
      onlineUrl: 'https://meet.example.org/cafe',
    });
    expect(event.statusCode, event.body).toBe(201);
    const resource = await meta.post(`/api/networks/${network.slug}/resources`, {
      kind: 'link',
      title: 'City housing office',
      language: 'en',
      body: 'Where to ask.',
      url: 'https://housing.example.org/',
    });
    expect(resource.statusCode, resource.body).toBe(201);
    for (const bad of HOSTILE) {
      expectRefused(
        await meta.patch(`/api/networks/${network.slug}/events/${event.json().id}`, { onlineUrl: bad }),
        'onlineUrl',
        'en',
      );
      expectRefused(
        await meta.patch(`/api/networks/${network.slug}/resources/${resource.json().id}`, { url: bad }),
        'url',
        'en',
      );
    }
  });
});
