import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.ts';
import { cliIo } from '../../test/backup.ts';
import { buildTestApp, DIALECTS, TEST_ORIGIN, type TestApp } from '../../test/build-app.ts';
import { signIn } from '../../test/client.ts';
import { buildMember, buildNetwork } from '../../test/factories.ts';
import { makeImage, multipartBody, uploadAvatar } from '../../test/profiles.ts';
import { buildInstance, useS3 } from '../../test/s3.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      counts[name] = Number((await client.query(`select count(*) as n from "${name}"`)).rows[0].n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe.skipIf(!DIALECTS.includes('postgres'))(
  'backup and restore on PostgreSQL: pg_dump + cli backup --files-only',
  () => {
    const s3 = useS3();
    let t: TestApp;
    let scratch: string;
    const restoredName = `mentornet_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    beforeAll(async () => {
      t = await buildTestApp('postgres');
      scratch = mkdtempSync(path.join(tmpdir(), 'mentornet-pg-backup-'));
    });
    afterAll(async () => {
      const client = admin();
      await client.connect();
      await client.query(`drop database if exists ${restoredName} with (force)`);
      await client.end();
      await t.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('restores the dump and the files into a throwaway database and a fresh directory', async () => {
      const network = await buildNetwork(t.ctx);
      const member = await buildMember(t.ctx, network);
      const alice = await signIn(t.app, member);
      expect((await uploadAvatar(alice, await makeImage('png'))).statusCode).toBe(200);
      const { payload, headers } = multipartBody([
        { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: PDF },
      ]);
      const attachment = await alice.request(
        'POST',
        `/api/networks/${network.slug}/attachments`,
        payload,
        headers,
      );
      expect(attachment.statusCode).toBe(201);
      const avatar = (await alice.get(`/api/users/${member.id}/avatar`)).rawPayload;

      const sourceUrl = t.database.env.DATABASE_URL as string;
      const dump = path.join(scratch, 'mentornet.dump');
      execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, sourceUrl]);
      const archive = path.join(scratch, 'files.tar.gz');
      const backup = cliIo(t.database.env);
      expect(await runCli(['backup', '--files-only', archive], backup.io), backup.err.join()).toBe(0);
      expect(backup.out.join()).toMatch(/no database \(files only\), 2 files/);

      const client = admin();
      await client.connect();
      await client.query(`create database ${restoredName}`);
      await client.end();
      const restoredUrl = new URL(sourceUrl);
      restoredUrl.pathname = `/${restoredName}`;
      execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);
      const fresh = path.join(scratch, 'restored');
      const env = { DATA_DIR: fresh, DATABASE_URL: restoredUrl.toString(), PUBLIC_URL: TEST_ORIGIN };
      const restore = cliIo(env);
      expect(await runCli(['restore', archive], restore.io), restore.err.join()).toBe(0);
      expect(await tableCounts(restoredUrl.toString())).toEqual(await tableCounts(sourceUrl));

      const restored = await buildInstance(
        { env, dataDir: fresh, drop: async () => {} },
        { DATA_DIR: fresh },
      );
      try {
        const again = await signIn(restored.app, member);
        expect((await again.get(`/api/users/${member.id}/avatar`)).rawPayload).toEqual(avatar);
        expect((await again.get(attachment.json().url)).rawPayload).toEqual(PDF);
      } finally {
        await restored.app.close();
        await restored.ctx.close();
      }

      // A full (SQLite) restore is refused on PostgreSQL, and the reverse.
      const wrong = cliIo({ DATA_DIR: path.join(scratch, 'sqlite-target') });
      expect(await runCli(['restore', archive], wrong.io)).toBe(2);
      expect(wrong.err.join()).toMatch(/holds files only .* pg_restore/);
    });

    it('storage migrate copies the local files to S3 and copies nothing twice', async () => {
      const env = { ...t.database.env, ...s3().env };
      const first = cliIo(env);
      expect(await runCli(['storage', 'migrate'], first.io), first.err.join()).toBe(0);
      expect(first.out[0]).toMatch(
        /^Copied 2 files to S3 bucket mentornet-\w+; 0 were already there; 0 failed\.$/,
      );
      const second = cliIo(env);
      expect(await runCli(['storage', 'migrate'], second.io)).toBe(0);
      expect(second.out[0]).toMatch(/^Copied 0 files .*; 2 were already there; 0 failed\.$/);
      const local = cliIo(t.database.env);
      expect(await runCli(['storage', 'migrate'], local.io)).toBe(2);
      expect(local.err.join()).toMatch(/S3 is not configured/);
    });
  },
);
