/**
 * Issue 22, operations at scale: the soak and the fault run.
 *
 *   npm run bench:soak    SOAK_MINUTES (30) of moderate mixed load on two instances; RSS growth
 *                         after warm-up < 10 %, no error.
 *   npm run bench:fault   FAULT_MINUTES (10) of continuous writes on WORKERS=2 while one server
 *                         process is killed every minute; no acknowledged write lost, none left hanging.
 *
 * "Two instances": on PostgreSQL (`SOAK_DIALECT=postgres`) two platform instances (WORKERS=1 each)
 * on one fresh database, with one PUBLIC_URL; on SQLite (default) two instances cannot share the
 * file, so one instance with two server processes (WORKERS=2). The small set is generated (or
 * `BENCH_DATA_SMALL` is copied, so that a kept set stays as it was). Results go to bench/results/.
 * The process exits with 1 when a target is missed.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../server/config.ts';
import { createContext } from '../server/context.ts';
import type { Fixture } from '../server/dev/generate-data.ts';
import { createLogger } from '../server/logger.ts';
import { percentile } from './lib/percentile.ts';
import { ROOT, type Started, startPlatform } from './lib/processes.ts';
import { openMemberSessionsOf } from './lib/sessions.ts';
import { generateDataset, generatePostgresDataset, reuseDataset } from './scenarios.ts';

const mode = process.argv[2] === 'fault' ? 'fault' : 'soak';
const dialect = (mode === 'soak' ? process.env.SOAK_DIALECT : process.env.FAULT_DIALECT) ?? 'sqlite';
if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('dialect: sqlite or postgres');
const minutes = Number(
  (mode === 'soak' ? process.env.SOAK_MINUTES : process.env.FAULT_MINUTES) ?? (mode === 'soak' ? 30 : 10),
);
const durationMs = minutes * 60_000;
/** A request without an answer after this long is left hanging. */
const HANG_MS = 10_000;

type Session = { userId: string; token: string };
interface Instance {
  server: Started;
  origin: string;
}

// ---------------------------------------------------------------------------------------------
// Requests and their outcomes

type Outcome = 'ok' | 'non2xx' | 'reset' | 'hung';
interface KindStats {
  latencies: number[];
  outcomes: Record<Outcome, number>;
  statuses: Record<string, number>;
  /** The first few failures, as they were. */
  samples: string[];
}
const stats = new Map<string, KindStats>();
function statsOf(kind: string): KindStats {
  let s = stats.get(kind);
  if (!s) {
    s = { latencies: [], outcomes: { ok: 0, non2xx: 0, reset: 0, hung: 0 }, statuses: {}, samples: [] };
    stats.set(kind, s);
  }
  return s;
}
let inFlight = 0;
/** Requests left hanging: which kind, when they were sent and when they were given up (performance.now()). */
const hangs: { kind: string; sentMs: number; gaveUpMs: number }[] = [];

/** One API request as a member: its outcome, and the JSON answer when it succeeded. */
async function call(
  kind: string,
  instance: Instance,
  session: Session,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<{ outcome: Outcome; status?: number; json?: unknown }> {
  const s = statsOf(kind);
  const started = performance.now();
  inFlight++;
  try {
    const res = await fetch(`${instance.origin}${url}`, {
      method,
      headers: {
        cookie: `mn_session=${session.token}`,
        origin: instance.origin,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await res.text();
    s.latencies.push(performance.now() - started);
    s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
    if (res.status >= 200 && res.status < 300) {
      s.outcomes.ok++;
      return { outcome: 'ok', status: res.status, json: text ? JSON.parse(text) : null };
    }
    s.outcomes.non2xx++;
    if (s.samples.length < 5) s.samples.push(`${res.status} ${method} ${url}: ${text.slice(0, 200)}`);
    return { outcome: 'non2xx', status: res.status };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const outcome = e.name === 'TimeoutError' ? 'hung' : 'reset';
    s.outcomes[outcome]++;
    if (outcome === 'hung') hangs.push({ kind, sentMs: started, gaveUpMs: performance.now() });
    if (s.samples.filter((x) => x.startsWith(outcome)).length < 3)
      s.samples.push(`${outcome}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    return { outcome };
  } finally {
    inFlight--;
  }
}

// ---------------------------------------------------------------------------------------------
// Processes, memory and the listening socket (Linux /proc)

/** The server processes of an instance: its own process and, under a supervisor, its children. */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
function rssKb(pid: number): number | undefined {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}
/** The inode of the socket listening on `port` (the supervisor's, shared with its server processes). */
function listeningInode(port: number): string | undefined {
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = Number.parseInt(cols[1]?.split(':')[1] ?? '', 16);
      if (localPort === port && cols[3] === '0A') return cols[9];
    }
  }
  return undefined;
}
/** Whether the process holds the listening socket, i.e. accepts connections on it itself. */
function holdsSocket(pid: number, inode: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const loads: number[][] = [];
const sampleLoad = () => loads.push(loadavg().map((l) => round(l, 2)));

// ---------------------------------------------------------------------------------------------
// Data, instances, members

const work = mkdtempSync(path.join(tmpdir(), `mentornet-${mode}-`));
let dropDatabase: (() => Promise<void>) | undefined;
const instances: Instance[] = [];
const serverOutput: string[] = [];

async function prepare(): Promise<{ dataDir: string; fixture: Fixture; env: Record<string, string> }> {
  if (dialect === 'postgres') {
    const made = await generatePostgresDataset(work, 'small');
    dropDatabase = made.drop;
    return {
      dataDir: made.dataDir,
      fixture: made.fixture,
      env: { DATABASE_URL: made.databaseUrl, PUBLIC_URL: 'http://127.0.0.1' },
    };
  }
  const kept = process.env.BENCH_DATA_SMALL;
  if (kept) {
    // The run writes: a copy, so that the kept set stays as generated.
    const dataDir = path.join(work, 'data-small');
    cpSync(kept, dataDir, { recursive: true });
    return { ...reuseDataset(dataDir), env: {} };
  }
  console.log('generating the small set …');
  const made = await generateDataset(work, 'small');
  return { dataDir: made.dataDir, fixture: made.fixture, env: {} };
}

async function startInstances(dataDir: string, env: Record<string, string>, twoInstances: boolean) {
  const layout = twoInstances ? ['1', '1'] : ['2'];
  for (const workers of layout) {
    const server = await startPlatform(dataDir, { ...env, WORKERS: workers });
    instances.push({ server, origin: `http://127.0.0.1:${server.port}` });
    // What the instance says after it is ready (a process that exits, errors), for the report.
    const keep = (chunk: Buffer) => {
      serverOutput.push(...String(chunk).split('\n').filter(Boolean));
      if (serverOutput.length > 200) serverOutput.splice(0, serverOutput.length - 200);
    };
    server.child.stdout?.on('data', keep);
    server.child.stderr?.on('data', keep);
  }
}

/** Every server process of every instance: supervisor (when WORKERS>1) and workers. */
function serverProcesses(): { instance: number; pid: number; role: string }[] {
  return instances.flatMap((instance, i) => {
    const pid = instance.server.child.pid ?? 0;
    const children = childPids(pid);
    if (children.length === 0) return [{ instance: i, pid, role: 'server' }];
    return [
      { instance: i, pid, role: 'supervisor' },
      ...children.map((child) => ({ instance: i, pid: child, role: 'worker' })),
    ];
  });
}

interface Members {
  sessions: Session[];
  /** Direct conversations of member pairs: both members and the conversation. */
  pairs: { a: Session; b: Session; conversationId: string }[];
  topicIds: string[];
}

async function members(fixture: Fixture, dataDir: string, env: Record<string, string>, count: number) {
  const sessions = await openMemberSessionsOf({ DATA_DIR: dataDir, ...env }, fixture.networkSlug, count);
  if (sessions.length < 2) throw new Error(`only ${sessions.length} members to sign in`);
  const first = instances[0] as Instance;
  const pairs: Members['pairs'] = [];
  for (let i = 0; i + 1 < sessions.length; i += 2) {
    const a = sessions[i] as Session;
    const b = sessions[i + 1] as Session;
    const opened = await call('setup', first, a, 'POST', '/api/conversations/direct', { userId: b.userId });
    if (opened.outcome !== 'ok')
      throw new Error(`opening a conversation failed: ${statsOf('setup').samples.at(-1)}`);
    pairs.push({ a, b, conversationId: (opened.json as { id: string }).id });
  }
  const list = await call(
    'setup',
    first,
    sessions[0] as Session,
    'GET',
    `/api/networks/${fixture.networkSlug}/topics?spaceId=${fixture.spaceId}&limit=20`,
  );
  if (list.outcome !== 'ok') throw new Error(`the topic list failed: ${statsOf('setup').samples.at(-1)}`);
  const topicIds = (list.json as { topics: { id: string }[] }).topics.map((t) => t.id);
  if (topicIds.length === 0) topicIds.push(fixture.topicId);
  stats.delete('setup');
  return { sessions, pairs, topicIds } satisfies Members;
}

// ---------------------------------------------------------------------------------------------
// Realtime sockets

const socketStats = {
  opened: 0,
  ready: 0,
  frames: 0,
  errors: 0,
  unexpectedCloses: 0,
  samples: [] as string[],
};
const framesByType: Record<string, number> = {};
const sockets = new Set<WebSocket>();
let socketsClosing = false;

function openSocket(instance: Instance, session: Session): void {
  const ws = new WebSocket(`${instance.origin.replace('http', 'ws')}/api/ws`, {
    headers: { cookie: `mn_session=${session.token}`, origin: instance.origin },
  });
  sockets.add(ws);
  socketStats.opened++;
  ws.on('message', (raw) => {
    socketStats.frames++;
    const type = (JSON.parse(String(raw)) as { type?: string }).type ?? '?';
    framesByType[type] = (framesByType[type] ?? 0) + 1;
    if (type === 'realtime.ready') socketStats.ready++;
  });
  ws.on('error', (err) => {
    socketStats.errors++;
    if (socketStats.samples.length < 5) socketStats.samples.push(err.message);
  });
  ws.on('close', (code) => {
    sockets.delete(ws);
    if (socketsClosing) return;
    socketStats.unexpectedCloses++;
    if (socketStats.samples.length < 5) socketStats.samples.push(`closed ${code}`);
    // As a browser would: connect again shortly.
    setTimeout(() => !socketsClosing && openSocket(instance, session), 1_000).unref();
  });
}

async function openSockets(count: number, sessions: Session[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    openSocket(instances[i % instances.length] as Instance, sessions[i % sessions.length] as Session);
    if (i % 20 === 19) await sleep(200);
  }
  const until = Date.now() + 30_000;
  while (socketStats.ready < count && Date.now() < until) await sleep(200);
  if (socketStats.ready < count)
    throw new Error(`only ${socketStats.ready} of ${count} sockets ready in 30 s`);
}

function closeSockets(): void {
  socketsClosing = true;
  for (const ws of sockets) ws.terminate();
}

// ---------------------------------------------------------------------------------------------
// Reporting

function kindRows() {
  return [...stats.entries()].map(([kind, s]) => {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    return {
      kind,
      requests: s.latencies.length + s.outcomes.reset + s.outcomes.hung,
      ok: s.outcomes.ok,
      non2xx: s.outcomes.non2xx,
      'reset/refused': s.outcomes.reset,
      'hung (>10 s)': s.outcomes.hung,
      'p50 ms': sorted.length ? round(percentile(sorted, 50)) : '',
      'p99 ms': sorted.length ? round(percentile(sorted, 99)) : '',
      statuses: Object.entries(s.statuses)
        .map(([status, n]) => `${status}×${n}`)
        .join(' '),
    };
  });
}

function writeReport(report: Record<string, unknown>): void {
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const date = new Date().toISOString();
  const file = path.join(ROOT, 'bench/results', `${mode}-${dialect}-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date, mode, dialect, minutes, node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverages: loads, ...report, serverOutput }, null, 2)}\n`,
  );
  console.log(`results written to ${path.relative(ROOT, file)}`);
}

function failureSamples(): Record<string, string[]> {
  return Object.fromEntries(
    [...stats.entries()].filter(([, s]) => s.samples.length).map(([k, s]) => [k, s.samples]),
  );
}

const loadSummary = () => {
  const ones = loads.map((l) => l[0] ?? 0);
  return `1-min load average: min ${Math.min(...ones)}, mean ${round(ones.reduce((a, b) => a + b, 0) / ones.length)}, max ${Math.max(...ones)} (${loads.length} samples, ${cpus().length} cores)`;
};

// ---------------------------------------------------------------------------------------------
// 1. Soak

async function soak(fixture: Fixture, dataDir: string, env: Record<string, string>): Promise<boolean> {
  const rate = Number(process.env.SOAK_RATE ?? 100);
  const socketCount = Number(process.env.SOAK_SOCKETS ?? 100);
  const warmupMs = Math.min(3 * 60_000, durationMs / 3);
  const maxInFlight = Number(process.env.SOAK_MAX_IN_FLIGHT ?? 100);
  const m = await members(fixture, dataDir, env, Math.max(40, Number(process.env.SOAK_MEMBERS ?? 40)));
  await openSockets(socketCount, m.sessions);
  const n = `/api/networks/${fixture.networkSlug}`;
  let seq = 0;
  let dropped = 0;
  const runId = Date.now().toString(36);
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)] as T;
  // The mix of one request: 80 % reads, 10 % replies, 10 % direct messages.
  const one = () => {
    const i = seq++;
    const instance = instances[i % instances.length] as Instance;
    const r = Math.random();
    const pair = m.pairs[i % m.pairs.length] as Members['pairs'][number];
    const sender = (i >> 1) % 2 === 0 ? pair.a : pair.b;
    if (r < 0.3)
      return call(
        'topic-list',
        instance,
        pick(m.sessions),
        'GET',
        `${n}/topics?spaceId=${fixture.spaceId}&limit=20`,
      );
    if (r < 0.6)
      return call(
        'topic-replies',
        instance,
        pick(m.sessions),
        'GET',
        `${n}/topics/${pick(m.topicIds)}/replies?limit=20`,
      );
    if (r < 0.8)
      return call(
        'message-history',
        instance,
        sender,
        'GET',
        `/api/conversations/${pair.conversationId}/messages?limit=30`,
      );
    if (r < 0.9) {
      const key = `soak-${runId}-${i}`;
      return call(
        'reply',
        instance,
        pick(m.sessions),
        'POST',
        `${n}/topics/${pick(m.topicIds)}/replies`,
        { body: `Soak reply ${key}` },
        key,
      );
    }
    const key = `soak-${runId}-${i}`;
    return call(
      'message',
      instance,
      sender,
      'POST',
      `/api/conversations/${pair.conversationId}/messages`,
      { body: `Soak message ${key}`, clientId: key },
      key,
    );
  };

  const samples: { t: number; pid: number; instance: number; role: string; rssKb: number }[] = [];
  const seenPids = new Set<string>();
  let restarts = 0;
  const sample = (t: number) => {
    sampleLoad();
    for (const p of serverProcesses()) {
      const kb = rssKb(p.pid);
      if (kb === undefined) continue;
      const key = `${p.instance}:${p.role}:${p.pid}`;
      if (!seenPids.has(key) && t > 0) restarts++;
      seenPids.add(key);
      samples.push({ t, pid: p.pid, instance: p.instance, role: p.role, rssKb: kb });
    }
  };

  console.log(
    `soak: ${minutes} min, ${rate} req/s, ${socketCount} sockets, ${instances.length} instance(s), ${serverProcesses().length} processes, warm-up ${round(warmupMs / 60_000)} min`,
  );
  const started = performance.now();
  sample(0);
  let issued = 0;
  const pending = new Set<Promise<unknown>>();
  const sampler = setInterval(() => {
    const t = Math.round((performance.now() - started) / 1000);
    sample(t);
    const total = [...samples].filter((s) => s.t === t).reduce((sum, s) => sum + s.rssKb, 0);
    if (t % 60 === 0)
      console.log(
        `  ${t} s: ${issued} requests, RSS ${Math.round(total / 1024)} MB, load ${loadavg()[0]?.toFixed(1)}`,
      );
  }, 10_000);
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - started;
      if (elapsed >= durationMs) {
        clearInterval(tick);
        resolve();
        return;
      }
      const due = Math.floor((elapsed / 1000) * rate);
      while (issued < due) {
        issued++;
        if (inFlight >= maxInFlight) {
          dropped++;
          continue;
        }
        const p = one();
        pending.add(p);
        p.finally(() => pending.delete(p));
      }
    }, 10);
  });
  clearInterval(sampler);
  sample(Math.round((performance.now() - started) / 1000));
  await Promise.all(pending);
  closeSockets();

  // RSS per process: the mean of the minute after warm-up against the mean of the last minute.
  const warm = warmupMs / 1000;
  const end = durationMs / 1000;
  const byProcess = new Map<string, typeof samples>();
  for (const s of samples) {
    const key = `instance ${s.instance} ${s.role} ${s.pid}`;
    byProcess.set(key, [...(byProcess.get(key) ?? []), s]);
  }
  const mean = (list: typeof samples) => list.reduce((sum, s) => sum + s.rssKb, 0) / Math.max(1, list.length);
  const window = Math.min(60, (end - warm) / 3);
  const rssRows = [...byProcess.entries()].map(([process, list]) => {
    const atWarm = mean(list.filter((s) => s.t >= warm && s.t < warm + window));
    const atEnd = mean(list.filter((s) => s.t > end - window));
    const atWarmRaw = list.find((s) => s.t >= warm)?.rssKb ?? 0;
    return {
      process,
      'start MB': round((list[0]?.rssKb ?? 0) / 1024),
      'end of warm-up MB': round(atWarmRaw / 1024),
      'end MB': round((list.at(-1)?.rssKb ?? 0) / 1024),
      'max MB': round(Math.max(...list.map((s) => s.rssKb)) / 1024),
      'growth %': atWarm ? round((100 * (atEnd - atWarm)) / atWarm) : Number.NaN,
    };
  });
  const total = (t0: number, t1: number) => {
    const ts = [...new Set(samples.filter((s) => s.t >= t0 && s.t <= t1).map((s) => s.t))];
    return (
      ts.reduce((sum, t) => sum + samples.filter((s) => s.t === t).reduce((a, s) => a + s.rssKb, 0), 0) /
      Math.max(1, ts.length)
    );
  };
  const totalWarm = total(warm, warm + window);
  const totalEnd = total(end - window, end + 60);
  rssRows.push({
    process: 'all processes',
    'start MB': round(total(0, 0) / 1024),
    'end of warm-up MB': round(totalWarm / 1024),
    'end MB': round(totalEnd / 1024),
    'max MB': round(Math.max(...[...new Set(samples.map((s) => s.t))].map((t) => total(t, t))) / 1024),
    'growth %': round((100 * (totalEnd - totalWarm)) / totalWarm),
  });
  const rows = kindRows();
  const errors = rows.reduce((sum, r) => sum + r.non2xx + r['reset/refused'] + r['hung (>10 s)'], 0);
  const socketErrors = socketStats.errors + socketStats.unexpectedCloses;
  const seconds = (performance.now() - started) / 1000;
  const maxGrowth = Math.max(...rssRows.map((r) => r['growth %']));
  const met = maxGrowth < 10 && errors === 0 && socketErrors === 0 && dropped === 0 && restarts === 0;
  console.table(rows);
  console.table(rssRows);
  const summary = {
    achievedRate: round(rows.reduce((sum, r) => sum + r.requests, 0) / seconds),
    dropped,
    restarts,
    sockets: { ...socketStats, framesByType },
    errors,
    maxGrowthPercent: maxGrowth,
    load: loadSummary(),
    target: 'RSS growth < 10 % after warm-up (one-minute means), no error, no dropped request, no restart',
    met,
  };
  console.log(summary);
  writeReport({
    rate,
    socketCount,
    warmupMinutes: warmupMs / 60_000,
    instances: instances.length,
    kinds: rows,
    rss: rssRows,
    rssSamples: samples,
    failures: failureSamples(),
    ...summary,
  });
  return met;
}

// ---------------------------------------------------------------------------------------------
// 2. Fault run

async function fault(fixture: Fixture, dataDir: string, env: Record<string, string>): Promise<boolean> {
  const writers = Number(process.env.FAULT_WRITERS ?? 6);
  const intervalMs = Number(process.env.FAULT_INTERVAL_SECONDS ?? 60) * 1000;
  const m = await members(fixture, dataDir, env, 60);
  const instance = instances[0] as Instance;
  const supervisor = instance.server.child.pid ?? 0;
  const port = instance.server.port;
  const inode = listeningInode(port);
  if (!inode) throw new Error(`no listening socket on port ${port}`);
  const n = `/api/networks/${fixture.networkSlug}`;
  const runId = `fault-${Date.now().toString(36)}`;
  const acked: { kind: 'reply' | 'message'; marker: string; id: string }[] = [];
  let unacked = 0;
  let next = 0;
  let stop = false;
  const started = performance.now();

  const writer = async () => {
    while (!stop) {
      const i = next++;
      const marker = `${runId}-${i}`;
      const pair = m.pairs[i % m.pairs.length] as Members['pairs'][number];
      const isReply = i % 2 === 0;
      const sender = (i >> 1) % 2 === 0 ? pair.a : pair.b;
      let done = false;
      // A request lost with a killed process is tried again with the same key (at most 3 times).
      for (let attempt = 0; attempt < 3 && !done; attempt++) {
        const answer = isReply
          ? await call(
              'reply',
              instance,
              sender,
              'POST',
              `${n}/topics/${m.topicIds[i % m.topicIds.length]}/replies`,
              { body: `Fault run write ${marker}` },
              marker,
            )
          : await call(
              'message',
              instance,
              sender,
              'POST',
              `/api/conversations/${pair.conversationId}/messages`,
              { body: `Fault run write ${marker}`, clientId: marker },
              marker,
            );
        if (answer.outcome === 'ok') {
          const id = (answer.json as { id?: string } | null)?.id;
          if (id) acked.push({ kind: isReply ? 'reply' : 'message', marker, id });
          done = true;
        } else if (answer.outcome === 'reset') await sleep(100);
        else break;
      }
      if (!done) unacked++;
    }
  };
  const reader = async () => {
    while (!stop) {
      const answer = await call(
        'topic-list',
        instance,
        m.sessions[next % m.sessions.length] as Session,
        'GET',
        `${n}/topics?spaceId=${fixture.spaceId}&limit=20`,
      );
      // As a client would: not again at once after a failure.
      if (answer.outcome !== 'ok') await sleep(100);
    }
  };

  const kills: { atS: number; pid: number; newPid?: number; forkedMs?: number; servingMs?: number }[] = [];
  const killer = async () => {
    let at = intervalMs / 2;
    while (!stop) {
      const wait = at - (performance.now() - started);
      if (wait > 0) await sleep(Math.min(wait, 1_000));
      if (stop || performance.now() - started < at) continue;
      at += intervalMs;
      const before = childPids(supervisor);
      // One that serves (holds the listening socket), in turn; a replacement still starting is spared.
      const candidates = before.filter((pid) => holdsSocket(pid, inode));
      const victim = candidates[kills.length % Math.max(1, candidates.length)];
      if (!victim) {
        kills.push({ atS: round((performance.now() - started) / 1000), pid: 0 });
        continue;
      }
      const killedAt = performance.now();
      process.kill(victim, 'SIGKILL');
      const record: (typeof kills)[number] = { atS: round((killedAt - started) / 1000), pid: victim };
      kills.push(record);
      // The replacement: a new child of the supervisor, then that child holding the listening socket.
      // Between fork and exec the new process is a copy of the supervisor and holds its sockets: it
      // serves once it holds the listening socket after having been seen without it.
      let execed = false;
      const until = killedAt + intervalMs - 500;
      while (performance.now() < until) {
        const fresh = childPids(supervisor).find((pid) => !before.includes(pid));
        if (fresh && record.newPid === undefined) {
          record.newPid = fresh;
          record.forkedMs = Math.round(performance.now() - killedAt);
        }
        const holds = fresh !== undefined && holdsSocket(fresh, inode);
        if (fresh && !holds) execed = true;
        if (holds && execed) {
          record.servingMs = Math.round(performance.now() - killedAt);
          break;
        }
        await sleep(20);
      }
      console.log(
        `  kill ${kills.length} at ${record.atS} s: pid ${victim} → ${record.newPid ?? '?'} serving after ${record.servingMs ?? '?'} ms`,
      );
    }
  };

  console.log(
    `fault run: ${minutes} min, ${writers} writers, a server process killed every ${intervalMs / 1000} s`,
  );
  const loadSampler = setInterval(sampleLoad, 10_000);
  sampleLoad();
  const tasks = [...Array.from({ length: writers }, writer), reader(), reader(), killer()];
  await sleep(durationMs);
  stop = true;
  await Promise.all(tasks);
  clearInterval(loadSampler);
  sampleLoad();
  const workersAtEnd = childPids(supervisor).length;

  // Every acknowledged write must be in the database, once.
  const ctx = createContext(
    loadConfig({ DATA_DIR: dataDir, ...env, LOG_LEVEL: 'silent' }),
    createLogger({ logLevel: 'silent' }),
  );
  const found = new Map<string, string[]>();
  try {
    const like = `Fault run write ${runId}-%`;
    const posts = await ctx.database.db
      .selectFrom('posts')
      .select(['id', 'bodySource as body'])
      .where('bodySource', 'like', like)
      .execute();
    const messages = await ctx.database.db
      .selectFrom('messages')
      .select(['id', 'body'])
      .where('body', 'like', like)
      .execute();
    for (const row of [...posts, ...messages]) {
      const marker = row.body.slice('Fault run write '.length);
      found.set(marker, [...(found.get(marker) ?? []), row.id]);
    }
  } finally {
    await ctx.close();
  }
  const lost = acked.filter((a) => !found.get(a.marker)?.includes(a.id));
  const duplicates = [...found.values()].filter((ids) => ids.length > 1).length;
  const rows = kindRows();
  const hung = rows.reduce((sum, r) => sum + r['hung (>10 s)'], 0);
  const failedFast = rows.reduce((sum, r) => sum + r['reset/refused'], 0);
  const serving = kills.map((k) => k.servingMs).filter((ms): ms is number => ms !== undefined);
  const met =
    lost.length === 0 &&
    hung === 0 &&
    duplicates === 0 &&
    serving.length === kills.length &&
    workersAtEnd === 2;
  console.table(rows);
  console.table(kills);
  const summary = {
    kills: kills.length,
    replacedAndServing: serving.length,
    servingAfterMs: serving.length
      ? { min: Math.min(...serving), median: percentile(serving, 50), max: Math.max(...serving) }
      : null,
    workersAtEnd,
    acknowledgedWrites: acked.length,
    acknowledgedReplies: acked.filter((a) => a.kind === 'reply').length,
    acknowledgedMessages: acked.filter((a) => a.kind === 'message').length,
    lost: lost.length,
    lostSamples: lost.slice(0, 10),
    writesNotAcknowledged: unacked,
    notAcknowledgedButStored: [...found.keys()].filter((k) => !acked.some((a) => a.marker === k)).length,
    duplicates,
    failedFast,
    hung,
    // When each hanging request was sent, in seconds from the start and from the kill before it.
    hangs: hangs.map((h) => {
      const sentS = round((h.sentMs - started) / 1000);
      const kill = kills.filter((k) => k.atS <= sentS).at(-1);
      return { kind: h.kind, sentS, afterKillS: kill ? round(sentS - kill.atS) : null };
    }),
    load: loadSummary(),
    target: 'zero acknowledged writes lost, no request hanging (> 10 s), every killed process replaced',
    met,
  };
  console.log(summary);
  writeReport({
    writers,
    intervalSeconds: intervalMs / 1000,
    kinds: rows,
    killLog: kills,
    failures: failureSamples(),
    ...summary,
  });
  return met;
}

// ---------------------------------------------------------------------------------------------

let ok = false;
try {
  const { dataDir, fixture, env } = await prepare();
  await startInstances(dataDir, env, mode === 'soak' && dialect === 'postgres');
  ok = mode === 'soak' ? await soak(fixture, dataDir, env) : await fault(fixture, dataDir, env);
} finally {
  closeSockets();
  for (const instance of instances) await instance.server.stop();
  await dropDatabase?.().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
console.log(ok ? 'target met' : 'TARGET MISSED');
process.exit(ok ? 0 : 1);
