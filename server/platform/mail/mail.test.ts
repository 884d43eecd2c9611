import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createContext } from '../../context.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createLogger } from '../../logger.ts';
import { buildTestApp, createTestDatabase, DIALECTS, type TestApp } from '../../test/build-app.ts';
import { TestClient } from '../../test/client.ts';
import { listJobs } from '../jobs/index.ts';
import { recipientRef } from './mail.transport.ts';

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(options: { failFirst?: number } = {}) {
  const received: ParsedMail[] = [];
  let failures = options.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (failures > 0) {
          failures -= 1;
          const err = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
          return callback(err);
        }
        received.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(DIALECTS)('mail on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await buildTestApp(dialect, { SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers the verification mail over SMTP as text and HTML in the recipient language', async () => {
    const client = new TestClient(t.app);
    await client.post('/api/auth/register', {
      email: 'smtp-test@example.org',
      password: 'indigo-falcon-river',
      displayName: 'Jana Beispiel',
      locale: 'de',
    });
    expect(await t.ctx.jobs.drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail?.subject).toBe('Bestätige deine E-Mail-Adresse');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('smtp-test@example.org');
    expect(mail?.text).toContain('Hallo \u2068Jana Beispiel\u2069,');
    expect(mail?.text).toMatch(/http:\/\/mentornet\.test\/verify-email\?token=[\w-]{20,}/);
    expect(mail?.html).toContain('E-Mail-Adresse bestätigen');
    expect(mail?.html).toContain('lang="de"');
  });
});

describe.each(DIALECTS)('the mail queue on %s', (dialect) => {
  it('retries with backoff and delivers a queued mail after a restart', async () => {
    const smtp = await startSmtp({ failFirst: 1 });
    const database = await createTestDatabase(dialect);
    const env = { ...database.env, PASSWORD_HASH_COST: 'low', LOG_LEVEL: 'silent', SMTP_URL: smtp.url };

    // First life: the mail is queued and the first delivery attempt fails.
    const first = createContext(loadConfig(env), createLogger({ logLevel: 'silent' }));
    await migrateToLatest(first.database.db);
    await first.mailer.send('restart@example.org', 'en', {
      name: 'password_changed',
      params: { name: 'Sam' },
    });
    expect(await first.jobs.drain()).toBe(1);
    const [failed] = await listJobs(first, 'mail.send');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed?.lastError).toContain('mailbox busy');
    expect(Date.parse(failed?.runAt ?? '')).toBeGreaterThan(Date.now() + 10_000);
    expect(await first.jobs.drain()).toBe(0); // not due yet: backoff
    await first.close();

    // Second life, same database: once due, the mail goes out.
    const second = createContext(loadConfig(env), createLogger({ logLevel: 'silent' }));
    await second.database.db
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(await second.jobs.drain()).toBe(1);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Your password was changed']);
    const [done] = await listJobs(second, 'mail.send');
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    await second.close();
    await database.drop();
    await smtp.close();
  });

  it('writes mails to data/outbox as .eml files when no SMTP server is configured', async () => {
    const t = await buildTestApp(dialect);
    await t.ctx.mailer.send('outbox@example.org', 'de', {
      name: 'password_changed',
      params: { name: 'Kim' },
    });
    await t.ctx.jobs.drain();
    const outbox = path.join(t.database.dataDir, 'outbox');
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(path.join(outbox, files[0] ?? '')));
    expect(parsed.subject).toBe('Dein Passwort wurde geändert');
    expect(parsed.text).toContain('Hallo \u2068Kim\u2069,');
    expect(parsed.html).toBeTruthy();
    await t.close();
  });
});

describe('what mails say and what the log keeps', () => {
  it('signs and speaks with the configured platform name, and logs a reference instead of the address', async () => {
    const database = await createTestDatabase('sqlite');
    const lines: string[] = [];
    const config = loadConfig({
      ...database.env,
      PASSWORD_HASH_COST: 'low',
      MAIL_FROM: 'Mentoring Leipzig <no-reply@example.org>',
    });
    const log = createLogger({ logLevel: 'info' }, { write: (line: string) => lines.push(line) });
    const ctx = createContext(config, log);
    await migrateToLatest(ctx.database.db);
    await ctx.mailer.send('jana.fictional@example.org', 'de', {
      name: 'password_changed',
      params: { name: 'Jana' },
    });
    await ctx.jobs.drain();
    const [file] = readdirSync(path.join(database.dataDir, 'outbox'));
    const mail = await simpleParser(readFileSync(path.join(database.dataDir, 'outbox', file ?? '')));
    expect(mail.text).toContain('— Mentoring Leipzig');
    expect(mail.text).toContain('Mentoring Leipzig');
    expect(mail.text).not.toContain('mentorNET');
    const logged = lines.join('\n');
    expect(logged).toContain('mail written to outbox');
    expect(logged).toContain(recipientRef('jana.fictional@example.org'));
    expect(logged).not.toContain('jana.fictional');
    await ctx.close();
    await database.drop();
  });
});
