import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Config } from './config.ts';
import { newSecret } from './lib/ids.ts';
import { isRelayMessage } from './platform/realtime/index.ts';
import { startupBanner } from './startup-banner.ts';

/**
 * `WORKERS` > 1: this process starts that many server processes on the same port, restarts one that
 * dies, relays realtime events between them (on SQLite; PostgreSQL has LISTEN/NOTIFY), aggregates
 * their metrics and stops them all on SIGTERM/SIGINT. It opens no database itself: each server
 * process migrates (serialised by SQLite's write lock or the migration lock) and serves as it would
 * alone.
 *
 * Connections: the supervisor only holds the listening socket; each server process accepts its
 * connections from it itself (cluster.SCHED_NONE). With Node's default (round robin) the supervisor
 * accepts every connection and passes it on, and one passed to a process that dies in that instant
 * stays open in the supervisor, unanswered, until the client gives up (15–150 s, issue 22). Accepted
 * by the process itself, a connection dies with it: the client sees a reset at once. The kernel
 * spreads connections less evenly than round robin does; under load the busier process accepts less.
 */

/** What a server process tells the supervisor once it listens. */
interface ServingMessage {
  mentornet: 'serving';
  port: number;
  needsSetup: boolean;
}

/**
 * Metrics across processes: a server process asks the supervisor for the aggregate (`render`, for
 * `/metrics` on the main port); the supervisor collects every serving process's registry (`collect`
 * → `values`) and aggregates them with prom-client's AggregatorRegistry (counters and histograms
 * summed, gauges by their aggregator). A process that is still starting is not asked.
 */
type MetricsMessage =
  | { mentornet: 'metrics'; kind: 'render'; id: number }
  | { mentornet: 'metrics'; kind: 'text'; id: number; body?: string; error?: string }
  | { mentornet: 'metrics'; kind: 'collect'; id: number }
  | { mentornet: 'metrics'; kind: 'values'; id: number; values?: unknown[]; error?: string };

function isMetricsMessage(message: unknown): message is MetricsMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { mentornet?: unknown }).mentornet === 'metrics'
  );
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

/**
 * In a server process: answers the supervisor's requests for this registry, and returns how to
 * render every process's metrics at once, for `/metrics` on the main port.
 */
export function shareMetrics(registry: Registry): () => Promise<string> {
  let next = 0;
  const waiting = new Map<number, { resolve: (body: string) => void; reject: (err: Error) => void }>();
  const send = (message: MetricsMessage) => process.send?.(message);
  process.on('message', (message: unknown) => {
    if (!isMetricsMessage(message)) return;
    if (message.kind === 'collect') {
      registry.getMetricsAsJSON().then(
        (values) => send({ mentornet: 'metrics', kind: 'values', id: message.id, values }),
        (err: unknown) => send({ mentornet: 'metrics', kind: 'values', id: message.id, error: String(err) }),
      );
    } else if (message.kind === 'text') {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.body ?? '');
    }
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      send({ mentornet: 'metrics', kind: 'render', id });
      setTimeout(() => {
        if (waiting.delete(id)) reject(new Error('the supervisor did not answer with the metrics'));
      }, 10_000).unref();
    });
}

/** A process that dies sooner than this after its start is failing, not crashing once: wait before the next. */
const QUICK_DEATH_MS = 5_000;

export function runSupervisor(config: Config): void {
  // See the comment at the top: each server process accepts its own connections.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let nextCollect = 0;
  const collecting = new Map<number, { values: unknown[][]; pending: Set<number>; done: () => void }>();
  // Every serving process's registry, aggregated; one that does not answer within 5 s is left out.
  const clusterMetrics = () =>
    new Promise<string>((resolve, reject) => {
      const id = nextCollect++;
      const asked = [...serving].filter((index) => workers.get(index)?.isConnected());
      const entry = {
        values: [] as unknown[][],
        pending: new Set(asked),
        done: () => {
          clearTimeout(timer);
          collecting.delete(id);
          AggregatorRegistry.aggregate(entry.values as Parameters<typeof AggregatorRegistry.aggregate>[0])
            .metrics()
            .then(resolve, reject);
        },
      };
      const timer = setTimeout(entry.done, 5_000);
      collecting.set(id, entry);
      for (const index of asked) workers.get(index)?.send({ mentornet: 'metrics', kind: 'collect', id });
      if (asked.length === 0) entry.done();
    });
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
      if (isMetricsMessage(message)) {
        if (message.kind === 'values') {
          const entry = collecting.get(message.id);
          if (!entry?.pending.delete(index)) return;
          if (message.values) entry.values.push(message.values);
          if (entry.pending.size === 0) entry.done();
        } else if (message.kind === 'render') {
          const answer = (reply: MetricsMessage) => {
            if (worker.isConnected()) worker.send(reply);
          };
          clusterMetrics().then(
            (body) => answer({ mentornet: 'metrics', kind: 'text', id: message.id, body }),
            (err: unknown) =>
              answer({ mentornet: 'metrics', kind: 'text', id: message.id, error: String(err) }),
          );
        }
      } else if (isRelayMessage(message)) {
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
      for (const entry of collecting.values()) {
        if (entry.pending.delete(index) && entry.pending.size === 0) entry.done();
      }
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
  if (config.metricsPort !== undefined) {
    const port = config.metricsPort;
    import('./platform/metrics/index.ts')
      .then(({ serveMetricsPort }) =>
        serveMetricsPort(port, clusterMetrics, AggregatorRegistry.PROMETHEUS_CONTENT_TYPE),
      )
      .then(
        (server) => void server.unref(),
        (err: unknown) => {
          console.error(`mentorNET failed to start: metrics port ${port}: ${String(err)}`);
          stopAll(1);
        },
      );
  }
  process.on('SIGTERM', () => stopAll(0));
  process.on('SIGINT', () => stopAll(0));
}
