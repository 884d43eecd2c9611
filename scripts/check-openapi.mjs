/**
 * Generates the OpenAPI document (without starting a server) and lints it with Redocly's
 * recommended rules (redocly.yaml): any error fails. No telemetry, no update check: CI machines
 * reach nothing but the npm registry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-openapi-check-'));
const file = path.join(dir, 'openapi.json');
const env = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  DO_NOT_TRACK: '1',
};
const run = (command, args) => spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;

try {
  let status = run(path.join(root, 'node_modules/.bin/tsx'), ['scripts/write-openapi.ts', file]);
  if (status === 0) {
    console.log(`OpenAPI document: ${Math.round(statSync(file).size / 1024)} KiB`);
    status = run(path.join(root, 'node_modules/.bin/redocly'), ['lint', file, '--config', 'redocly.yaml']);
  }
  process.exitCode = status;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
