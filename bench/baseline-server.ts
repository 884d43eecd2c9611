// The baseline of every figure: a bare Fastify route returning a constant JSON, on this machine, now.
// With BASELINE_ANSWER=<file> it answers that JSON instead (parsed once, serialised per request as
// any route does): the platform's own answer from memory, without session, database or checks, a
// reference for what the size of an answer alone costs.
//
// BASELINE_WORKERS=<n> (default 1): n server processes in the platform's own cluster setup
// (server/cluster.ts): a supervisor that only holds the listening socket, each process accepting its
// own connections from it (cluster.SCHED_NONE). So the baseline runs as many processes, shared the
// same way, as the platform it is compared with. One process runs without a supervisor, as the
// platform does with `WORKERS=1`.
import cluster, { type Worker } from 'node:cluster';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const workers = Number(process.env.BASELINE_WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`BASELINE_WORKERS must be a whole number ≥ 1, not ${process.env.BASELINE_WORKERS}`);
  process.exit(2);
}

if (cluster.isPrimary && workers > 1) {
  supervise(workers);
} else {
  await serve();
}

async function serve(): Promise<void> {
  const answer: unknown = process.env.BASELINE_ANSWER
    ? JSON.parse(readFileSync(process.env.BASELINE_ANSWER, 'utf8'))
    : { hello: 'world' };
  const app = Fastify({ logger: false });
  app.get('/', async () => answer);
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  if (cluster.isWorker) process.send?.({ baseline: 'listening', port });
  else console.log(`baseline ready on ${port} (1 process)`);
}

function supervise(count: number): void {
  // As server/cluster.ts: the supervisor holds the socket, each process accepts from it itself.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const alive = new Set<Worker>();
  const listening = new Set<Worker>();
  let closing = false;
  const stopAll = () => {
    closing = true;
    if (alive.size === 0) process.exit();
    for (const worker of alive) worker.process.kill('SIGTERM');
  };
  for (let i = 0; i < count; i++) {
    const worker = cluster.fork();
    alive.add(worker);
    worker.on('message', (message: { baseline?: string; port?: number }) => {
      if (message?.baseline !== 'listening') return;
      listening.add(worker);
      // With PORT=0 every process gets the same port (the supervisor opens one socket for all).
      if (listening.size === count) console.log(`baseline ready on ${message.port} (${count} processes)`);
    });
    worker.on('exit', (code, signal) => {
      alive.delete(worker);
      if (!closing) {
        // A baseline that lost a process would measure less than it says; stop rather than restart.
        console.error(`baseline process exited (${signal ?? code})`);
        process.exitCode = 1;
        stopAll();
      }
      if (alive.size === 0) process.exit();
    });
  }
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);
}
