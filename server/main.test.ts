import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/database.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './test/build-app.ts';
import { startServer } from './test/server-process.ts';

function post(port: number, path: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe.each(DIALECTS)('the server process on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.drop());

  it('migrates on start, explains first-run setup, and finishes in-flight requests on SIGTERM', async () => {
    // An expensive password hash keeps the request in flight while the signal arrives.
    const server = await startServer({ ...database.env, PASSWORD_HASH_COST: '17' });
    expect(server.output()).toContain('has no accounts yet');
    expect(server.output()).toMatch(/\/setup\?token=[\w-]{20,}/);
    expect(server.output()).toContain('npm run cli -- create-admin');

    const inFlight = post(server.port, '/api/auth/register', {
      email: 'in-flight@example.org',
      password: 'lagoon-cedar-whistle',
      displayName: 'In Flight',
      locale: 'en',
    });
    await new Promise((r) => setTimeout(r, 80));
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(202);
    expect(await exited).toBe(0);
    expect(server.output()).toContain('shut down cleanly');

    const check = createDatabase({
      databaseUrl: loadConfig(database.env).databaseUrl,
      dataDir: database.dataDir,
    });
    const user = await check.db.selectFrom('users').select('email').executeTakeFirst();
    const mail = await check.db
      .selectFrom('jobs')
      .select('kind')
      .where('kind', '=', 'mail.send')
      .executeTakeFirst();
    await check.destroy();
    expect(user?.email).toBe('in-flight@example.org');
    expect(mail?.kind).toBe('mail.send');
  });

  it('fails fast with a clear message on bad configuration', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://nope' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('Invalid configuration');
    expect(err).toContain('PORT');
    expect(err).toContain('DATABASE_URL');
  });
});
