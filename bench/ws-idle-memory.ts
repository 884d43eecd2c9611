/**
 * Memory per idle WebSocket on the server (target ≤ 40 KB): the platform runs in this process on a
 * temp SQLite dir; a child process opens BENCH_SOCKETS (default 2,000) sockets as one signed-in user
 * (each in its user room, a network room and a conversation room) and keeps them idle. We compare
 * this process's memory after a forced GC with no sockets and with all of them connected.
 *
 *   node --expose-gc --import tsx bench/ws-idle-memory.ts
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, TEST_ORIGIN } from '../server/test/build-app.ts';
import { TestClient } from '../server/test/client.ts';
import { buildMember, buildNetwork } from '../server/test/factories.ts';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 2_000);
const TARGET_BYTES = 40 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with: node --expose-gc --import tsx bench/ws-idle-memory.ts');
  process.exit(2);
}

async function settle(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 100));
  }
  return process.memoryUsage();
}

const t = await buildTestApp('sqlite');
await t.app.listen({ port: 0, host: '127.0.0.1' });
const address = t.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const network = await buildNetwork(t.ctx);
const [user, other] = [await buildMember(t.ctx, network), await buildMember(t.ctx, network)];
const client = new TestClient(t.app);
await client.post('/api/auth/login', { email: user.email, password: user.password });
await client.post('/api/conversations/direct', { userId: other.id });

// The clients live in another process, so that only the server's side of each socket is measured.
const child = spawn(
  process.execPath,
  [
    '-e',
    `
const { WebSocket } = require('ws');
const [url, cookie, origin, count] = process.argv.slice(1);
let ready = 0;
const sockets = [];
function open(i) {
  if (i >= Number(count)) return;
  const ws = new WebSocket(url, { headers: { cookie: 'mn_session=' + cookie, origin } });
  ws.on('message', (d) => { if (JSON.parse(d.toString()).type === 'realtime.ready' && ++ready === Number(count)) process.stdout.write('all-ready\\n'); });
  ws.on('error', (e) => { console.error(e.message); process.exit(1); });
  sockets.push(ws);
  setImmediate(() => open(i + 1));
}
process.stdin.on('data', () => { if (ready === 0) open(0); else { for (const ws of sockets) ws.terminate(); process.exit(0); } });
`,
    `ws://127.0.0.1:${port}/api/ws`,
    client.cookie as string,
    TEST_ORIGIN,
    String(SOCKETS),
  ],
  { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] },
);
const before = await settle();
const started = Date.now();
child.stdin.write('go\n');
await new Promise<void>((resolve, reject) => {
  child.stdout.on('data', (d: Buffer) => d.toString().includes('all-ready') && resolve());
  child.on('exit', (code) => reject(new Error(`client process exited with ${code}`)));
});
const connectMs = Date.now() - started;
const after = await settle();
const connected = t.app.websocketServer.clients.size;

const js = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
const perSocketJs = (js(after) - js(before)) / connected;
const perSocketRss = (after.rss - before.rss) / connected;
const result = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  sockets: connected,
  connectMs,
  perSocketHeapAndExternalBytes: Math.round(perSocketJs),
  perSocketRssBytes: Math.round(perSocketRss),
  targetBytes: TARGET_BYTES,
};
console.table(result);
// One machine-readable line for `npm run bench` (bench/scenarios.ts).
console.log(`RESULT ${JSON.stringify(result)}`);
mkdirSync(path.join('bench', 'results'), { recursive: true });
writeFileSync(
  path.join('bench', 'results', `ws-idle-memory-${Date.now()}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);

child.stdin.write('stop\n');
await new Promise((r) => child.on('exit', r));
await t.close();
const ok = connected === SOCKETS && perSocketJs <= TARGET_BYTES && perSocketRss <= TARGET_BYTES;
console.log(ok ? 'within target' : 'OVER TARGET (or not every socket connected)');
process.exit(ok ? 0 : 1);
