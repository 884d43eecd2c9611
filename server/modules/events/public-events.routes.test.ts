import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { errorCode, freshClient, signIn } from '../../test/client.ts';
import { buildEvent, utcLocal, WEEKLY } from '../../test/events.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';

const DAY = 86_400_000;

/** Public events (E1/E2): on a public network's page for anyone, and merged with partners'. */
describe.each(DIALECTS)('public events on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const body = (title: string, startsMs: number, extra: Record<string, unknown> = {}) => ({
    title,
    language: 'en',
    format: 'online',
    onlineUrl: 'https://meet.example.org/secret-room',
    timeZone: 'UTC',
    startsLocal: utcLocal(startsMs),
    endsLocal: utcLocal(startsMs + 3_600_000),
    ...extra,
  });

  it('lists a public network’s upcoming public occurrences for anyone, and nothing of the members', async () => {
    const network = await buildNetwork(t.ctx, { visibility: 'public', name: 'Open Mentors (fictional)' });
    const meta = await buildMember(t.ctx, network, { role: 'meta_mentor' });
    const metaClient = await signIn(t.app, meta);
    const now = Date.now();
    const created = await metaClient.post(
      `/api/networks/${network.slug}/events`,
      body('Open café', now + 2 * DAY, { isPublic: true, capacity: 5 }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json().isPublic).toBe(true);
    const cafe = created.json().id as string;
    await metaClient.request('PUT', `/api/networks/${network.slug}/events/${cafe}/rsvp`, { response: 'yes' });
    // A weekly series starting tomorrow, one internal event, a cancelled public one, a past public one.
    const series = await metaClient.post(
      `/api/networks/${network.slug}/events`,
      body('Weekly language table', now + DAY, { isPublic: true, recurrence: WEEKLY }),
    );
    expect(series.statusCode).toBe(201);
    await buildEvent(t.ctx, network, meta.id, {
      title: 'Internal meeting',
      startsLocal: utcLocal(now + DAY),
    });
    const cancelled = await metaClient.post(
      `/api/networks/${network.slug}/events`,
      body('Called off', now + 3 * DAY, { isPublic: true }),
    );
    await metaClient.post(`/api/networks/${network.slug}/events/${cancelled.json().id}/cancel`, {});
    await buildEvent(t.ctx, network, meta.id, {
      title: 'Last month',
      startsLocal: utcLocal(now - 30 * DAY),
      isPublic: true,
    });

    const visitor = freshClient(t.app);
    const res = await visitor.get(`/api/networks/${network.slug}/public-events?limit=4`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const page = res.json();
    expect(page.items.map((i: { title: string }) => i.title)).toEqual([
      'Weekly language table',
      'Open café',
      'Weekly language table',
      'Weekly language table',
    ]);
    expect(page.items[1]).toEqual({
      eventId: cafe,
      networkSlug: network.slug,
      networkName: 'Open Mentors (fictional)',
      title: 'Open café',
      language: 'en',
      format: 'online',
      timeZone: 'UTC',
      recurring: false,
      occurrence: expect.objectContaining({ startsAt: expect.any(String), key: expect.any(String) }),
    });
    // Nothing about who answered, nor the meeting link.
    expect(res.body).not.toContain('secret-room');
    expect(res.body).not.toContain('counts');
    expect(res.body).not.toContain(meta.id);
    // Page by page: the series goes on.
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await visitor.get(
      `/api/networks/${network.slug}/public-events?limit=4&cursor=${encodeURIComponent(page.nextCursor)}`,
    );
    expect(next.json().items).toHaveLength(4);
    expect(Date.parse(next.json().items[0].occurrence.startsAt)).toBeGreaterThan(
      Date.parse(page.items[3].occurrence.startsAt),
    );
    // Caches revalidate with the ETag.
    const again = await visitor.request(
      'GET',
      `/api/networks/${network.slug}/public-events?limit=4`,
      undefined,
      {
        'if-none-match': String(res.headers.etag),
      },
    );
    expect(again.statusCode).toBe(304);

    // Taking the flag off is an audited change, and the event leaves the public list.
    const off = await metaClient.patch(`/api/networks/${network.slug}/events/${cafe}`, { isPublic: false });
    expect([off.statusCode, off.json().isPublic]).toEqual([200, false]);
    const audit = await t.ctx.database.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('networkId', '=', network.id)
      .where('action', '=', 'event.updated')
      .execute();
    expect(audit.map((a) => JSON.parse(String(a.details)))).toContainEqual({
      eventId: cafe,
      isPublic: false,
    });
    const after = await visitor.get(`/api/networks/${network.slug}/public-events?limit=50`);
    expect(after.json().items.map((i: { title: string }) => i.title)).not.toContain('Open café');
  });

  it('keeps the flag to public networks and hides private networks from strangers', async () => {
    const hidden = await buildNetwork(t.ctx, { visibility: 'private' });
    const meta = await buildMember(t.ctx, hidden, { role: 'meta_mentor' });
    const client = await signIn(t.app, meta);
    const refused = await client.post(
      `/api/networks/${hidden.slug}/events`,
      body('Open day', Date.now() + DAY, { isPublic: true }),
    );
    expect([refused.statusCode, errorCode(refused)]).toEqual([422, 'EVENT_PUBLIC_NETWORK_ONLY']);
    await buildEvent(t.ctx, hidden, meta.id, { title: 'Flagged anyway', isPublic: true });
    expect((await freshClient(t.app).get(`/api/networks/${hidden.slug}/public-events`)).statusCode).toBe(404);
    // Its members may ask, but a private network shows nothing publicly.
    const own = await client.get(`/api/networks/${hidden.slug}/public-events`);
    expect([own.statusCode, own.json().items]).toEqual([200, []]);
  });

  it('merges the public events of a network and its public partners on the partners page', async () => {
    const a = await buildNetwork(t.ctx, { visibility: 'public', name: 'Network North (fictional)' });
    const b = await buildNetwork(t.ctx, { visibility: 'public', name: 'Network South (fictional)' });
    const aMeta = await buildMember(t.ctx, a, { role: 'meta_mentor' });
    const bMeta = await buildMember(t.ctx, b, { role: 'meta_mentor' });
    const aClient = await signIn(t.app, aMeta);
    const bClient = await signIn(t.app, bMeta);
    const asked = await aClient.post(`/api/networks/${a.slug}/partnerships`, { networkSlug: b.slug });
    await bClient.patch(`/api/networks/${b.slug}/partnerships/${asked.json().id}`, { decision: 'accept' });
    const now = Date.now();
    await buildEvent(t.ctx, a, aMeta.id, {
      title: 'North day 2',
      startsLocal: utcLocal(now + 2 * DAY),
      isPublic: true,
    });
    await buildEvent(t.ctx, b, bMeta.id, {
      title: 'South day 1',
      startsLocal: utcLocal(now + DAY),
      isPublic: true,
    });
    await buildEvent(t.ctx, b, bMeta.id, {
      title: 'South day 3',
      startsLocal: utcLocal(now + 3 * DAY),
      isPublic: true,
    });
    await buildEvent(t.ctx, b, bMeta.id, { title: 'South internal', startsLocal: utcLocal(now + DAY) });

    const res = await freshClient(t.app).get(`/api/networks/${a.slug}/partners/public-events`);
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((i: { title: string; networkSlug: string }) => [i.title, i.networkSlug]),
    ).toEqual([
      ['South day 1', b.slug],
      ['North day 2', a.slug],
      ['South day 3', b.slug],
    ]);
    // The network's own public page lists its own only.
    const own = await freshClient(t.app).get(`/api/networks/${a.slug}/public-events`);
    expect(own.json().items.map((i: { title: string }) => i.title)).toEqual(['North day 2']);
  });
});
