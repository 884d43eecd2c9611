/**
 * Writes the OpenAPI document to a file without listening: builds the app on a throwaway SQLite
 * database, waits for every route, and prints what /api/openapi.json would answer.
 * Usage: tsx scripts/write-openapi.ts [file]   (default: openapi.json in the system temp dir)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createContext } from '../server/context.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { createLogger } from '../server/logger.ts';

const file = path.resolve(process.argv[2] ?? path.join(tmpdir(), 'mentornet-openapi.json'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'mentornet-openapi-'));
try {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
  const ctx = createContext(config, createLogger(config));
  // Some plugins read the database while starting (job stats): give them their tables.
  await migrateToLatest(ctx.database.db);
  const app = await buildApp(ctx);
  await app.ready();
  const text = JSON.stringify(app.swagger(), null, 2);
  writeFileSync(file, `${text}\n`);
  await app.close();
  await ctx.close();
  console.log(`${file} (${Buffer.byteLength(text)} bytes)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
