import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ATTACHMENT_MAX_MB } from '../common/discussions.ts';
import { WS_CLOSE, WS_PATH } from '../common/realtime-events.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './test/build-app.ts';
import { TestClient } from './test/client.ts';
import { spaceId, startTopic } from './test/discussions.ts';
import { buildMember, buildNetwork, DEFAULT_PASSWORD } from './test/factories.ts';
import { makeImage, multipartBody } from './test/profiles.ts';
import { WsClient } from './test/realtime.ts';
import { buildInstance, type Instance } from './test/s3.ts';

/*
 * The deployment of deploy/: nginx with the site file as it is shipped (only addresses, ports and
 * certificate paths replaced) in front of two instances on one PostgreSQL database that share a
 * DATA_DIR, spoken to over TLS like a browser would.
 */

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const SITE = path.join(import.meta.dirname, '../deploy/nginx-mentornet.conf');
const UNIT = path.join(import.meta.dirname, '../deploy/mentornet@.service');
const skipReason = !NGINX
  ? 'nginx is not installed (apt-get install nginx)'
  : !DIALECTS.includes('postgres') || !process.env.TEST_DATABASE_URL
    ? 'needs PostgreSQL: TEST_DIALECTS=…,postgres and TEST_DATABASE_URL'
    : null;
if (skipReason) console.warn(`deploy.test.ts skipped: ${skipReason}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Replaces one piece of the shipped site file; fails when the file no longer has it. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`deploy/nginx-mentornet.conf no longer contains ${from}`);
  return next;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe.skipIf(skipReason)('deployment behind nginx (deploy/)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'mentornet-deploy-'));
  const sharedDataDir = path.join(work, 'data');
  let database: TestDatabase;
  const instances: Instance[] = [];
  let nginx: ChildProcess | undefined;
  let nginxLog = '';
  let port = 0;
  let origin = '';
  let ca: Buffer;

  /** One HTTPS request to nginx, from 127.0.0.2 (so the address the platform sees is telling). */
  function request(
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: Buffer | string } = {},
  ): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          servername: 'localhost',
          port,
          method,
          path: url,
          ca,
          localAddress: '127.0.0.2',
          headers: { host: `localhost:${port}`, ...options.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  const json = (reply: Reply) => JSON.parse(reply.body.toString());

  beforeAll(async () => {
    // A self-signed certificate for localhost.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        path.join(work, 'key.pem'),
        '-out',
        path.join(work, 'cert.pem'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    ca = readFileSync(path.join(work, 'cert.pem'));
    port = await freePort();
    origin = `https://localhost:${port}`;

    // Two instances, one database, one DATA_DIR, the public address of nginx.
    mkdirSync(sharedDataDir);
    database = await createTestDatabase('postgres');
    const env = { DATA_DIR: sharedDataDir, PUBLIC_URL: origin, TRUST_PROXY: 'true' };
    for (let i = 0; i < 2; i++) {
      const instance = await buildInstance(database, env);
      instances.push(instance);
      await instance.app.listen({ port: 0, host: '127.0.0.1' });
    }
    const upstreamPorts = instances.map((i) => {
      const address = i.app.server.address();
      if (!address || typeof address === 'string') throw new Error('instance is not listening');
      return address.port;
    });

    // The shipped site with test addresses, wrapped in a main config that keeps everything in tmp.
    let site = readFileSync(SITE, 'utf8');
    site = replaceOnce(
      site,
      /server 127\.0\.0\.1:3000;\s*server 127\.0\.0\.1:3001;/,
      upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join('\n    '),
    );
    site = replaceOnce(site, /listen 80;\s*listen \[::\]:80;/, `listen 127.0.0.1:${await freePort()};`);
    site = replaceOnce(
      site,
      /listen 443 ssl http2;\s*listen \[::\]:443 ssl http2;/,
      `listen 127.0.0.1:${port} ssl;`,
    );
    site = site.replaceAll('server_name mentornet.example.org;', 'server_name localhost;');
    site = replaceOnce(site, /ssl_certificate\s+\S+;/, `ssl_certificate ${path.join(work, 'cert.pem')};`);
    site = replaceOnce(
      site,
      /ssl_certificate_key\s+\S+;/,
      `ssl_certificate_key ${path.join(work, 'key.pem')};`,
    );
    writeFileSync(path.join(work, 'site.conf'), site);
    for (const dir of ['logs', 'body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(work, dir));
    writeFileSync(
      path.join(work, 'nginx.conf'),
      `daemon off;
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/logs/error.log warn;
events { worker_connections 256; }
http {
    access_log ${work}/logs/access.log;
    client_body_temp_path ${work}/body;
    proxy_temp_path ${work}/proxy;
    fastcgi_temp_path ${work}/fastcgi;
    uwsgi_temp_path ${work}/uwsgi;
    scgi_temp_path ${work}/scgi;
    default_type application/octet-stream;
    include ${work}/site.conf;
}
`,
    );
    const args = ['-p', work, '-c', path.join(work, 'nginx.conf'), '-e', path.join(work, 'logs/error.log')];
    const check = spawnSync(NGINX as string, [...args, '-t'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
    nginx = spawn(NGINX as string, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr?.on('data', (c: Buffer) => {
      nginxLog += c.toString();
    });
    // Ready when it answers.
    for (let attempt = 0; ; attempt++) {
      try {
        await request('GET', '/healthz');
        break;
      } catch (err) {
        if (attempt > 100) throw new Error(`nginx did not start: ${err}\n${nginxLog}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx?.on('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    for (const instance of instances) await instance.close();
    await database?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('signs in over TLS, shares uploads between the instances and passes realtime events across them', async () => {
    const [one, two] = instances as [Instance, Instance];
    const network = await buildNetwork(one.ctx);
    const member = await buildMember(one.ctx, network);

    // Sign in through nginx; a spoofed X-Forwarded-For does not get through, the real address does.
    const login = await request('POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email: member.email, password: DEFAULT_PASSWORD }),
    });
    expect(login.status, login.body.toString()).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/Secure/i);
    const cookie = /mn_session=([^;]+)/.exec(setCookie)?.[1] as string;
    const authed = { cookie: `mn_session=${cookie}`, origin };
    const sessions = json(await request('GET', '/api/me/sessions', { headers: authed })).sessions as {
      ip: string | null;
      current: boolean;
    }[];
    // TRUST_PROXY: the client's address (127.0.0.2), not nginx's (127.0.0.1), nor the spoofed one.
    expect(sessions.find((s) => s.current)?.ip).toMatch(/127\.0\.0\.2$/);

    // Compression: a large JSON answer comes gzipped.
    const spec = await request('GET', '/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(spec.status).toBe(200);
    expect(spec.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(spec.body).toString()).openapi).toMatch(/^3\./);

    // An avatar uploaded through nginx (to whichever instance) is served by both instances.
    const image = multipartBody([
      { name: 'file', filename: 'me.png', contentType: 'image/png', data: await makeImage('png') },
    ]);
    const upload = await request('PUT', '/api/me/avatar', {
      headers: { ...authed, ...image.headers },
      body: image.payload,
    });
    expect(upload.status, upload.body.toString()).toBe(200);
    // Straight to each instance, with the session made through nginx (one database, one session).
    const direct = (instance: Instance) => {
      const client = new TestClient(instance.app, { origin });
      client.cookie = cookie;
      return client;
    };
    const [viaOne, viaTwo] = [direct(one), direct(two)];
    const fromOne = await viaOne.get(`/api/users/${member.id}/avatar`);
    const fromTwo = await viaTwo.get(`/api/users/${member.id}/avatar`);
    expect(fromOne.statusCode).toBe(200);
    expect(fromTwo.statusCode).toBe(200);
    expect(fromTwo.rawPayload).toEqual(fromOne.rawPayload);

    // An attachment uploaded straight to instance one is read through nginx (both upstreams in turn).
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const attachment = multipartBody([
      { name: 'file', filename: 'plan.pdf', contentType: 'application/pdf', data: pdf },
    ]);
    const attached = await viaOne.request(
      'POST',
      `/api/networks/${network.slug}/attachments`,
      attachment.payload,
      attachment.headers,
    );
    expect(attached.statusCode).toBe(201);
    for (let i = 0; i < 4; i++) {
      const file = await request('GET', attached.json().url, { headers: authed });
      expect(file.status).toBe(200);
      expect(file.body).toEqual(pdf);
    }

    // Upload size: a file just over the platform's limit reaches the platform (its own 413 and code);
    // a body far beyond it is refused by nginx already.
    const tooLarge = multipartBody([
      {
        name: 'file',
        filename: 'big.pdf',
        contentType: 'application/pdf',
        data: Buffer.alloc(ATTACHMENT_MAX_MB * 1024 * 1024 + 1024, 0x20),
      },
    ]);
    const overLimit = await request('POST', `/api/networks/${network.slug}/attachments`, {
      headers: { ...authed, ...tooLarge.headers },
      body: tooLarge.payload,
    });
    expect(overLimit.status, readFileSync(path.join(work, 'logs/error.log'), 'utf8')).toBe(413);
    expect(json(overLimit).error.code).toBe('FILE_TOO_LARGE');
    const huge = await request('POST', `/api/networks/${network.slug}/attachments`, {
      headers: { ...authed, ...tooLarge.headers },
      body: Buffer.alloc(ATTACHMENT_MAX_MB * 1024 * 1024 * 2),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.toString()).toMatch(/nginx/);

    // WebSocket through nginx; the event is caused through the instance that does not hold the socket.
    const ws = new WsClient(
      new WebSocket(`wss://localhost:${port}${WS_PATH}`, {
        ca,
        localAddress: '127.0.0.2',
        headers: { cookie: authed.cookie, origin },
      }),
    );
    await new Promise<void>((resolve, reject) => {
      ws.ws.once('open', () => resolve());
      ws.ws.once('error', reject);
    });
    await ws.waitFor('realtime.ready');
    const socketsOn = async (instance: Instance) =>
      Number(/^mentornet_websocket_connections (\d+)/m.exec(await instance.ctx.metrics.render())?.[1] ?? 0);
    const holder = (await socketsOn(one)) === 1 ? one : two;
    expect(await socketsOn(holder)).toBe(1);
    const other = holder === one ? two : one;
    const otherClient = holder === one ? viaTwo : viaOne;
    expect(await socketsOn(other)).toBe(0);
    const topic = await startTopic(otherClient, network.slug, {
      spaceId: await spaceId(otherClient, network.slug),
      title: 'Across the proxy',
    });
    const event = await ws.waitFor('topic.created', (f) => f.data.topic.id === topic.id, 10_000);
    expect(event.data.networkId).toBe(network.id);

    // Signing this session out through the other instance ends the socket behind nginx.
    const current = json(await request('GET', '/api/me/sessions', { headers: authed })).sessions.find(
      (s: { current: boolean }) => s.current,
    );
    expect((await otherClient.request('DELETE', `/api/me/sessions/${current.id}`)).statusCode).toBe(200);
    expect((await ws.closed).code).toBe(WS_CLOSE.sessionEnded);
  });
});

// Needs neither nginx nor PostgreSQL.
describe('deploy/mentornet@.service', () => {
  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))(
    'ships a systemd unit that passes systemd-analyze verify',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-unit-'));
      try {
        writeFileSync(path.join(dir, 'mentornet@.service'), readFileSync(UNIT));
        const result = spawnSync('systemd-analyze', ['verify', 'mentornet@3000.service'], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(result.status, result.stderr).toBe(0);
        // Warnings (unknown keys, misplaced settings) come on stderr with the unit's name.
        expect(result.stderr).not.toMatch(/mentornet@/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
