import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.ts';
import { newSecret } from './lib/ids.ts';
import { isRelayMessage } from './platform/realtime/index.ts';
import { startupBanner } from './startup-banner.ts';

/**
 * `WORKERS` > 1: this process starts that many server processes on the same port (Node's cluster
 * module hands each new connection to the next one), restarts one that dies, relays realtime
 * events between them (on SQLite; PostgreSQL has LISTEN/NOTIFY) and stops them all on SIGTERM/SIGINT.
 * It opens no database itself: each server process migrates (serialised by SQLite's write lock or
 * the migration lock) and serves as it would alone.
 */

/** What a server process tells the supervisor once it listens. */
interface ServingMessage {
  mentornet: 'serving';
  port: number;
  needsSetup: boolean;
}

function isServingMessage(message: unknown): message is ServingMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { mentornet?: unknown }).mentornet === 'serving'
  );
}

const ENV_INDEX = 'MENTORNET_WORKER_INDEX';
const ENV_SETUP_TOKEN = 'MENTORNET_SETUP_TOKEN';

/** This process's place among several server processes, or undefined when it serves alone. */
export function workerRole(): { index: number; setupToken: string | undefined } | undefined {
  if (!cluster.isWorker) return undefined;
  // Set by the supervisor below for its own children; not configuration.
  return { index: Number(process.env[ENV_INDEX] ?? 0), setupToken: process.env[ENV_SETUP_TOKEN] };
}

/** Tells the supervisor that this server process listens (and whether the platform still needs setup). */
export function reportServing(port: number, needsSetup: boolean): void {
  const message: ServingMessage = { mentornet: 'serving', port, needsSetup };
  process.send?.(message);
}

/** A process that dies sooner than this after its start is failing, not crashing once: wait before the next. */
const QUICK_DEATH_MS = 5_000;

export function runSupervisor(config: Config): void {
  // One first-run code for all processes: whichever answers the setup page accepts the printed one.
  const setupToken = newSecret();
  const workers = new Map<number, Worker>();
  const serving = new Set<number>();
  let announced = false;
  let closing = false;
  let exitCode = 0;

  const fork = (index: number) => {
    const startedAt = Date.now();
    const worker = cluster.fork({ [ENV_INDEX]: String(index), [ENV_SETUP_TOKEN]: setupToken });
    workers.set(index, worker);
    worker.on('message', (message: unknown) => {
      if (isRelayMessage(message)) {
        for (const other of workers.values()) {
          if (other !== worker && other.isConnected()) other.send(message);
        }
      } else if (isServingMessage(message)) {
        serving.add(index);
        if (!announced && serving.size === config.workers) {
          announced = true;
          console.log(
            startupBanner(config, {
              port: message.port,
              processes: config.workers,
              setupToken: message.needsSetup ? setupToken : undefined,
            }),
          );
        }
      }
    });
    worker.on('exit', (code, signal) => {
      workers.delete(index);
      serving.delete(index);
      if (closing) {
        if (workers.size === 0) {
          if (exitCode === 0) console.log('mentorNET shut down cleanly');
          process.exit(exitCode);
        }
        return;
      }
      if (!announced) {
        // Configuration, database or port trouble: every process would fail the same way.
        console.error(`mentorNET failed to start: server process ${index} exited (${signal ?? code})`);
        stopAll(1);
        return;
      }
      const wait = Date.now() - startedAt < QUICK_DEATH_MS ? QUICK_DEATH_MS : 0;
      console.error(`server process ${index} exited (${signal ?? code}); starting a new one`);
      setTimeout(() => {
        if (!closing) fork(index);
      }, wait).unref();
    });
  };

  const stopAll = (code: number) => {
    if (closing) return;
    closing = true;
    exitCode = code;
    if (workers.size === 0) process.exit(code);
    for (const worker of workers.values()) worker.process.kill('SIGTERM');
    const force = setTimeout(() => {
      console.error('shutdown took too long; exiting');
      for (const worker of workers.values()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, 15_000);
    force.unref();
  };

  for (let index = 0; index < config.workers; index++) fork(index);
  process.on('SIGTERM', () => stopAll(0));
  process.on('SIGINT', () => stopAll(0));
}
