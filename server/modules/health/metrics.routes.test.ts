import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBearer, serveMetricsPort } from '../../platform/metrics/index.ts';
import { buildTestApp, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildUser } from '../../test/factories.ts';
import { connectWs, wsUrl } from '../../test/realtime.ts';

const TOKEN = 'a-fictional-metrics-token-0123';

/** The value of one sample line (`name{labels} value`) in Prometheus text. */
function sample(text: string, prefix: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe.each(DIALECTS)('metrics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { METRICS_TOKEN: TOKEN });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const scrape = () => t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });

  it('answers only with the bearer token, never with the web app', async () => {
    const none = await t.app.inject('/metrics');
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token' } });
    expect(wrong.statusCode).toBe(401);
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is 404 without METRICS_TOKEN', async () => {
    const plain = await buildTestApp(dialect);
    try {
      const res = await plain.app.inject('/metrics');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      await plain.close();
    }
  });

  it('counts requests by route pattern and status, queries, jobs, mails, sockets and the process', async () => {
    const user = await buildUser(t.ctx);
    const client = await signIn(t.app, user);
    const cookie = client.cookie as string;
    expect((await client.get('/api/me')).statusCode).toBe(200);
    await t.app.inject('/api/networks/no-such-network');
    const socket = await connectWs(wsUrl(t.app), { cookie });

    // One mail sent (outbox), one job that fails for good, one due job waiting.
    t.ctx.jobs.handle('test.broken', async () => {
      throw new Error('broken on purpose');
    });
    await t.ctx.jobs.enqueue('test.broken', {}, { maxAttempts: 1 });
    await t.ctx.jobs.enqueue('mail.send', {
      to: 'someone@example.org',
      subject: 'Hi',
      text: 'Hi',
      html: '<p>Hi</p>',
    });
    await t.ctx.jobs.drain();
    await t.ctx.jobs.enqueue('test.waiting', {}, { runAt: new Date(Date.now() - 30_000).toISOString() });

    const text = (await scrape()).body;
    expect(
      sample(
        text,
        'mentornet_http_request_duration_seconds_count{method="GET",route="/api/me",status_code="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('route="/api/networks/:slug"');
    expect(text).not.toContain('no-such-network');
    expect(
      sample(text, `mentornet_db_query_duration_seconds_count{dialect="${dialect}",outcome="ok"}`),
    ).toBeGreaterThan(0);
    expect(sample(text, 'mentornet_mails_sent_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'mentornet_job_attempts_failed_total{kind="test.broken"}')).toBe(1);
    expect(sample(text, 'mentornet_jobs_failed{kind="test.broken"}')).toBe(1);
    expect(sample(text, 'mentornet_jobs_due{kind="test.waiting"}')).toBe(1);
    expect(sample(text, 'mentornet_jobs_oldest_due_age_seconds')).toBeGreaterThanOrEqual(29);
    expect(sample(text, 'mentornet_websocket_connections')).toBe(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    await socket.close();
  });
});

describe('metrics port', () => {
  it('serves /metrics on 127.0.0.1 only, and nothing else', async () => {
    const server = await serveMetricsPort(0, async () => 'up 1\n', 'text/plain; version=0.0.4');
    try {
      const address = server.address();
      expect(address).toMatchObject({ address: '127.0.0.1' });
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('up 1\n');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('compares the bearer token exactly', () => {
    expect(hasBearer(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearer(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearer(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(hasBearer(undefined, TOKEN)).toBe(false);
    expect(hasBearer(TOKEN, TOKEN)).toBe(false);
  });
});
