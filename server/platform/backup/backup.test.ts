import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.ts';
import { cliIo, sqliteRows, storedFiles } from '../../test/backup.ts';
import { buildTestApp, type TestApp } from '../../test/build-app.ts';
import { signIn, type TestClient } from '../../test/client.ts';
import { buildTopic } from '../../test/discussions.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { makeImage, multipartBody, uploadAvatar } from '../../test/profiles.ts';

const PDF = (n: number) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /N ${n} >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

describe('backup and restore on SQLite', () => {
  let t: TestApp;
  let scratch: string;
  let slug: string;
  let alice: TestClient;
  let aliceId: string;
  let networkId: string;
  const dir = (name: string) => path.join(scratch, name);

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    scratch = mkdtempSync(path.join(tmpdir(), 'mentornet-backup-'));
    const network = await buildNetwork(t.ctx);
    const member = await buildMember(t.ctx, network);
    slug = network.slug;
    networkId = network.id;
    aliceId = member.id;
    alice = await signIn(t.app, member);
    expect((await uploadAvatar(alice, await makeImage('png'))).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attach(i)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  function attach(n: number) {
    const { payload, headers } = multipartBody([
      { name: 'file', filename: `plan-${n}.pdf`, contentType: 'application/pdf', data: PDF(n) },
    ]);
    return alice.request('POST', `/api/networks/${slug}/attachments`, payload, headers);
  }

  it('drill: backs up while writes happen, restores into a fresh directory, every row and file intact', async () => {
    const archive = dir('during.tar.gz');
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      for (let n = 100; writing; n++) {
        await attach(n);
        await buildTopic(t.ctx, { id: networkId }, aliceId, { title: `Written during the backup ${n}` });
        writes += 1;
      }
    })();
    const backup = cliIo(t.database.env);
    // Let writes start first, so the snapshot is taken in the middle of them.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await runCli(['backup', archive], backup.io), backup.err.join()).toBe(0);
    writing = false;
    await writer;
    expect(writes).toBeGreaterThan(0);
    expect(backup.out.join()).toMatch(
      /Backup written to .*during\.tar\.gz .*database with \d+ rows in \d+ tables, \d+ files/,
    );

    const fresh = dir('restored-during');
    const restore = cliIo({ DATA_DIR: fresh });
    expect(await runCli(['restore', archive], restore.io), restore.err.join()).toBe(0);
    expect(restore.out.join()).toMatch(/every checksum matched/);

    // Taken mid-write: a consistent earlier state. Rows of the tables that only grow are a subset
    // of today's, and every attachment the restored database knows has its exact file.
    const source = sqliteRows(path.join(t.database.dataDir, 'mentornet.sqlite'));
    const restored = sqliteRows(path.join(fresh, 'mentornet.sqlite'));
    expect(Object.keys(restored)).toEqual(Object.keys(source));
    for (const table of ['attachments', 'topics', 'posts', 'users', 'networks']) {
      expect(restored[table]?.length).toBeGreaterThan(0);
      for (const row of restored[table] ?? []) expect(source[table]).toContain(row);
    }
    const sourceFiles = storedFiles(t.database.dataDir);
    const restoredFiles = storedFiles(fresh);
    const keys = (restored.attachments ?? []).map((row) => `attachments/${JSON.parse(row).storage_key}`);
    for (const key of keys) expect(restoredFiles[key], key).toBe(sourceFiles[key]);

    // Once writes have stopped, a backup and restore gives back every row and every file exactly.
    const still = dir('still.tar.gz');
    expect(await runCli(['backup', still], cliIo(t.database.env).io)).toBe(0);
    const again = dir('restored-still');
    expect(await runCli(['restore', still], cliIo({ DATA_DIR: again }).io)).toBe(0);
    expect(sqliteRows(path.join(again, 'mentornet.sqlite'))).toEqual(
      sqliteRows(path.join(t.database.dataDir, 'mentornet.sqlite')),
    );
    expect(storedFiles(again)).toEqual(storedFiles(t.database.dataDir));
    expect(Object.keys(storedFiles(again)).length).toBeGreaterThanOrEqual(6 + writes);
  });

  it('refuses a non-empty DATA_DIR, a tampered and a truncated archive, and changes nothing', async () => {
    const archive = dir('good.tar.gz');
    expect(await runCli(['backup', archive], cliIo(t.database.env).io)).toBe(0);

    const busy = dir('busy');
    const keep = path.join(busy, 'notes.txt');
    mkdirSync(busy);
    writeFileSync(keep, 'mine');
    const refused = cliIo({ DATA_DIR: busy });
    expect(await runCli(['restore', archive], refused.io)).toBe(2);
    expect(refused.err.join()).toMatch(/Restore refused: DATA_DIR .*busy is not empty/);
    expect(readdirSync(busy)).toEqual(['notes.txt']);

    // One byte of one attachment changed; the gzip around it is intact.
    const tar = gunzipSync(readFileSync(archive));
    const header = tar.indexOf('files/attachments/');
    expect(header).toBeGreaterThan(0);
    tar[header + 512] = (tar[header + 512] as number) ^ 0xff;
    const tampered = dir('tampered.tar.gz');
    writeFileSync(tampered, gzipSync(tar));
    const target = dir('from-tampered');
    const bad = cliIo({ DATA_DIR: target });
    expect(await runCli(['restore', tampered], bad.io)).toBe(2);
    expect(bad.err.join()).toMatch(
      /Restore refused: The archive does not match its manifest — it was altered or damaged: files\/attachments\/[0-9a-f-]+ differs from the manifest \(checksum\)\. Nothing was restored\./,
    );
    expect(readdirSync(target)).toEqual([]);

    const truncated = dir('truncated.tar.gz');
    writeFileSync(truncated, readFileSync(archive).subarray(0, 2000));
    const cut = cliIo({ DATA_DIR: dir('from-truncated') });
    expect(await runCli(['restore', truncated], cut.io)).toBe(2);
    expect(cut.err.join()).toMatch(/Restore refused: The archive is damaged or not a mentorNET backup/);

    const missing = cliIo({ DATA_DIR: dir('from-missing') });
    expect(await runCli(['restore', dir('nothing.tar.gz')], missing.io)).toBe(2);
    expect(missing.err.join()).toMatch(/there is no archive at/);
  });
});
