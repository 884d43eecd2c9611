import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './test/build-app.ts';
import { connectWs, type WsClient } from './test/realtime.ts';

// `WORKERS=2 npm start` as a user runs it: the built server (scripts/build-server.mjs), a supervisor
// and two server processes on one port (SQLite).

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILT = `dist/cluster-test-${process.pid}/main.mjs`;
const dirs: string[] = [];
const children: ChildProcess[] = [];

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs', BUILT], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(ROOT, path.dirname(BUILT)), { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-cluster-'));
  dirs.push(dir);
  return dir;
}

interface Running {
  child: ChildProcess;
  port: number;
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: string, args: string[], env: Record<string, string>) {
  const node = script.endsWith('.mjs') ? ['--enable-source-maps'] : ['--import', 'tsx'];
  return spawn(process.execPath, [...node, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', PASSWORD_HASH_COST: 'low', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function start(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const child = run(BUILT, [], {
    ...env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    WORKERS: '2',
    PUBLIC_URL: 'http://127.0.0.1',
    JOB_WORKER: 'off',
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (c) => (out += c));
  child.stderr?.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const match = out.match(/listens on http:\/\/127\.0\.0\.1:(\d+)[\s\S]*ready in/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
  return { child, port, origin: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** A request on a connection of its own, so that the supervisor hands it to the next server process. */
async function request(
  server: Running,
  method: string,
  url: string,
  options: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; json: unknown; cookie: string | undefined }> {
  const res = await fetch(`${server.origin}${url}`, {
    method,
    headers: {
      connection: 'close',
      origin: server.origin,
      ...(options.cookie ? { cookie: `mn_session=${options.cookie}` } : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  const cookie = res.headers.get('set-cookie')?.match(/mn_session=([^;]*)/)?.[1];
  return { status: res.status, json: text ? JSON.parse(text) : null, cookie };
}

/** Four sockets of one session, opened one after the other: new connections go to the processes in turn, so they are on both. */
async function openSockets(server: Running, cookie: string): Promise<WsClient[]> {
  const sockets: WsClient[] = [];
  for (let i = 0; i < 4; i++) {
    sockets.push(await connectWs(`ws://127.0.0.1:${server.port}/api/ws`, { cookie, origin: server.origin }));
  }
  return sockets;
}

/** Pids of the server processes under the supervisor (Linux). */
function serverPids(supervisor: ChildProcess): number[] {
  const file = `/proc/${supervisor.pid}/task/${supervisor.pid}/children`;
  return readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

type Outcome = 'answered' | 'reset' | 'hung';

/** One request on a connection of its own: answered, reset/refused, or still open after `limitMs`. */
async function outcomeOf(server: Running, url: string, limitMs: number): Promise<Outcome> {
  try {
    const res = await fetch(`${server.origin}${url}`, {
      headers: { connection: 'close' },
      signal: AbortSignal.timeout(limitMs),
    });
    await res.arrayBuffer();
    return 'answered';
  } catch (err) {
    return (err as Error).name === 'TimeoutError' ? 'hung' : 'reset';
  }
}

describe('several server processes on one port (WORKERS=2, SQLite)', () => {
  it('prints one banner and one setup code that every process accepts, and stops cleanly', async () => {
    const server = await start(tempDir());
    expect(server.output().match(/listens on/g)).toHaveLength(1);
    expect(server.output()).toContain('2 server processes');
    expect(serverPids(server.child)).toHaveLength(2);
    const token = server.output().match(/setup\?token=(\S+)/)?.[1];
    expect(token).toBeTruthy();

    // A wrong code is refused by both processes; the printed one works.
    for (let i = 0; i < 2; i++) {
      const wrong = await request(server, 'POST', '/api/setup', {
        body: {
          token: `${token}x`,
          email: 'first-admin@example.org',
          password: 'a long fictional password',
          displayName: 'First Admin',
          locale: 'en',
        },
      });
      expect(wrong.status).toBe(403);
    }
    const done = await request(server, 'POST', '/api/setup', {
      body: {
        token,
        email: 'first-admin@example.org',
        password: 'a long fictional password',
        displayName: 'First Admin',
        locale: 'en',
      },
    });
    expect(done.status).toBe(201);

    // The built server finds what ships beside the code: message catalogues and document templates.
    const denied = await fetch(`${server.origin}/api/me`, { headers: { 'accept-language': 'de' } });
    const german = JSON.parse(readFileSync(path.join(ROOT, 'common/i18n/de.json'), 'utf8')) as {
      errors: { UNAUTHENTICATED: string };
    };
    expect(((await denied.json()) as { error: { message: string } }).error.message).toBe(
      german.errors.UNAUTHENTICATED,
    );
    const organisation = await request(server, 'POST', '/api/organisations', {
      cookie: done.cookie,
      body: { name: 'Verein Probe', kind: 'ngo', country: 'DE', city: 'Musterstadt', languages: ['de'] },
    });
    expect(organisation.status).toBe(201);
    const organisationSlug = (organisation.json as { slug: string }).slug;
    const network = await request(server, 'POST', `/api/organisations/${organisationSlug}/networks`, {
      cookie: done.cookie,
      body: { name: 'Netzwerk Probe', languages: ['de'] },
    });
    expect(network.status).toBe(201);
    const { slug } = network.json as { slug: string };
    const documents = await request(server, 'GET', `/api/networks/${slug}/documents`, {
      cookie: done.cookie,
    });
    expect(JSON.stringify(documents.json)).toContain('Vereinbarung des Netzwerks Netzwerk Probe');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('mentorNET shut down cleanly');
  }, 60_000);

  it('delivers realtime events to sockets on every process, loses no concurrent write, and replaces a process that dies', async () => {
    const dataDir = tempDir();
    const generate = run('server/cli.ts', ['generate', '--scale', 'small'], { DATA_DIR: dataDir });
    children.push(generate);
    expect(await new Promise((resolve) => generate.once('exit', resolve))).toBe(0);
    const fixture = JSON.parse(readFileSync(path.join(dataDir, 'bench-fixture.json'), 'utf8')) as {
      email: string;
      password: string;
      networkSlug: string;
      topicId: string;
    };
    const server = await start(dataDir);
    const login = await request(server, 'POST', '/api/auth/login', {
      body: { email: fixture.email, password: fixture.password },
    });
    expect(login.status).toBe(200);
    const cookie = login.cookie ?? '';

    const sockets = await openSockets(server, cookie);
    const topicUrl = `/api/networks/${fixture.networkSlug}/topics/${fixture.topicId}`;
    const before = (await request(server, 'GET', topicUrl, { cookie })).json as { replyCount: number };

    // 24 replies at once, over separate connections to both processes: every one is stored and counted.
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        request(server, 'POST', `${topicUrl}/replies`, { cookie, body: { body: `Parallel reply ${i}` } }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(24).fill(201));
    const after = (await request(server, 'GET', topicUrl, { cookie })).json as { replyCount: number };
    expect(after.replyCount).toBe(before.replyCount + 24);

    // Each socket hears every reply, whichever process stored it.
    for (const socket of sockets) {
      for (let i = 0; i < 24; i++) {
        await socket.waitFor('reply.created', (f) => JSON.stringify(f.data).includes(`Parallel reply ${i}<`));
      }
    }

    // A server process dies: the supervisor notices, starts another, and the platform keeps answering.
    // (A connection the supervisor hands over in the very instant a process dies is lost with it.)
    const [victim] = serverPids(server.child);
    process.kill(victim ?? 0, 'SIGKILL');
    await expect.poll(() => server.output().includes('starting a new one'), { timeout: 10_000 }).toBe(true);
    for (let i = 0; i < 4; i++)
      expect((await request(server, 'GET', '/api/me', { cookie })).status).toBe(200);
    await expect.poll(() => serverPids(server.child).length, { timeout: 20_000 }).toBe(2);
    expect(serverPids(server.child)).not.toContain(victim);

    await Promise.all(sockets.map((s) => s.close()));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 90_000);

  it('leaves no request hanging when a process is killed under concurrent requests, and aggregates metrics', async () => {
    const metricsPort = await freePort();
    const token = 'a-fictional-metrics-token-0123';
    const server = await start(tempDir(), { METRICS_PORT: String(metricsPort), METRICS_TOKEN: token });

    // 40 clients send requests back to back for 3 s; one server process is killed after 1 s.
    const outcomes: Outcome[] = [];
    const until = Date.now() + 3_000;
    const client = async () => {
      while (Date.now() < until) outcomes.push(await outcomeOf(server, '/readyz', 4_000));
    };
    const load = Promise.all(Array.from({ length: 40 }, client));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [victim] = serverPids(server.child);
    process.kill(victim ?? 0, 'SIGKILL');
    const started = Date.now();
    await load;
    // Every request was answered or failed at once: none waited out the 4 s limit.
    expect(outcomes.filter((o) => o === 'hung')).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcomes.filter((o) => o === 'answered').length).toBeGreaterThan(40);
    await expect.poll(() => serverPids(server.child).length, { timeout: 20_000 }).toBe(2);

    // Metrics of both processes, aggregated by the supervisor, on the local port and on /metrics.
    for (let i = 0; i < 6; i++)
      expect((await outcomeOf(server, '/healthz', 5_000)) === 'answered').toBe(true);
    const local = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(local).toMatch(
      /mentornet_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 6\n/,
    );
    expect(local).toContain('process_resident_memory_bytes');
    const main = await fetch(`${server.origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(main.status).toBe(200);
    expect(await main.text()).toContain('route="/healthz",status_code="200"} 6');
    expect((await fetch(`${server.origin}/metrics`)).status).toBe(401);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 150_000);

  it.skipIf(!(process.env.TEST_DIALECTS ?? '').includes('postgres'))(
    'on PostgreSQL, both processes migrate one database and hear each other through LISTEN/NOTIFY',
    async () => {
      const database = await createTestDatabase('postgres');
      try {
        const server = await start(database.dataDir, database.env);
        expect(server.output()).toContain('(PostgreSQL, 2 server processes)');
        const token = server.output().match(/setup\?token=(\S+)/)?.[1];
        const admin = {
          email: 'first-admin@example.org',
          password: 'a long fictional password',
          displayName: 'First Admin',
        };
        const done = await request(server, 'POST', '/api/setup', { body: { token, ...admin, locale: 'en' } });
        expect(done.status).toBe(201);
        const cookie = done.cookie ?? '';
        const sockets = await openSockets(server, cookie);
        // A second session, signed out from the first: every socket of the account hears of it.
        const second = await request(server, 'POST', '/api/auth/login', {
          body: { email: admin.email, password: admin.password },
        });
        expect(second.status).toBe(200);
        const { sessions } = (await request(server, 'GET', '/api/me/sessions', { cookie })).json as {
          sessions: { id: string; current: boolean }[];
        };
        const other = sessions.find((x) => !x.current);
        expect(other).toBeDefined();
        expect((await request(server, 'DELETE', `/api/me/sessions/${other?.id}`, { cookie })).status).toBe(
          200,
        );
        for (const socket of sockets) {
          await socket.waitFor('session.revoked', (f) => f.data.sessionIds.includes(other?.id ?? ''));
        }
        await Promise.all(sockets.map((x) => x.close()));
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      } finally {
        await database.drop();
      }
    },
    60_000,
  );
});
