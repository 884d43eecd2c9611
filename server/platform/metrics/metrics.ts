import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the scrape asks the job queue for (read from the database at scrape time). */
export interface JobQueueStats {
  /** Pending jobs that are due now, by kind. */
  due: { kind: string; count: number }[];
  /** Jobs that used up their attempts, by kind. */
  failed: { kind: string; count: number }[];
  /** Age in seconds of the oldest pending job that is due (0 when none is). */
  oldestDueAgeSeconds: number;
}

/**
 * The platform's Prometheus metrics, one registry per context (tests build many). Names start with
 * `mentornet_`; the process metrics (memory, CPU, event-loop lag, handles, GC) are prom-client's
 * defaults with their usual names. Metrics read from the shared database (job queue) are the same
 * seen from every process, so across several processes they aggregate with `max`, not `sum`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly dbQueryDuration: Histogram<'dialect' | 'outcome'>;
  readonly jobAttemptsFailed: Counter<'kind'>;
  readonly mailsSent: Counter;
  readonly mailsFailed: Counter;
  #webSockets: () => number = () => 0;
  #jobStats: (() => Promise<JobQueueStats>) | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'mentornet_http_request_duration_seconds',
      help: 'HTTP request durations by route pattern (not the concrete path) and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    this.dbQueryDuration = new Histogram({
      name: 'mentornet_db_query_duration_seconds',
      help: 'Database query durations through the query builder (the SQLite read-only fast path is not counted)',
      labelNames: ['dialect', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
      registers,
    });
    this.jobAttemptsFailed = new Counter({
      name: 'mentornet_job_attempts_failed_total',
      help: 'Job runs that threw (each attempt; it is retried until its attempts are used up)',
      labelNames: ['kind'],
      registers,
    });
    this.mailsSent = new Counter({
      name: 'mentornet_mails_sent_total',
      help: 'Mails handed to SMTP (or written to the outbox)',
      registers,
    });
    this.mailsFailed = new Counter({
      name: 'mentornet_mails_failed_total',
      help: 'Mail delivery attempts that failed (retried with backoff)',
      registers,
    });
    const sockets = () => this.#webSockets();
    new Gauge({
      name: 'mentornet_websocket_connections',
      help: 'Open WebSocket connections',
      registers,
      collect() {
        this.set(sockets());
      },
    });
    // The three job gauges are collected in parallel: one database read serves them all.
    const stats = () => this.#sharedJobStats();
    new Gauge({
      name: 'mentornet_jobs_due',
      help: 'Pending jobs that are due now, by kind (the queue depth)',
      labelNames: ['kind'],
      aggregator: 'max',
      registers,
      async collect() {
        const current = await stats();
        this.reset();
        for (const row of current?.due ?? []) this.set({ kind: row.kind }, row.count);
      },
    });
    new Gauge({
      name: 'mentornet_jobs_failed',
      help: 'Jobs that used up their attempts and wait for an operator (retry or drop), by kind',
      labelNames: ['kind'],
      aggregator: 'max',
      registers,
      async collect() {
        const current = await stats();
        this.reset();
        for (const row of current?.failed ?? []) this.set({ kind: row.kind }, row.count);
      },
    });
    new Gauge({
      name: 'mentornet_jobs_oldest_due_age_seconds',
      help: 'How long the oldest due job has waited (0: none waits)',
      aggregator: 'max',
      registers,
      async collect() {
        this.set((await stats())?.oldestDueAgeSeconds ?? 0);
      },
    });
  }

  #pending: { at: number; stats: Promise<JobQueueStats | undefined> } | undefined;
  #sharedJobStats(): Promise<JobQueueStats | undefined> {
    const now = Date.now();
    if (!this.#pending || now - this.#pending.at > 1000) {
      const read = this.#jobStats;
      this.#pending = { at: now, stats: read ? read() : Promise.resolve(undefined) };
    }
    return this.#pending.stats;
  }

  #render: () => Promise<string> = () => this.registry.metrics();

  /** The metrics text to serve: this process's, or (several processes) all of theirs aggregated. */
  render(): Promise<string> {
    // Each scrape reads the job queue afresh (its gauges share one read within the scrape).
    this.#pending = undefined;
    return this.#render();
  }

  /** Serves something else than this process's registry (the supervisor's aggregate). */
  renderWith(render: () => Promise<string>): void {
    this.#render = render;
  }

  /** The open WebSocket count, read at each scrape. */
  countWebSockets(count: () => number): void {
    this.#webSockets = count;
  }

  /** The job queue's figures, read from the database at each scrape. */
  readJobStats(read: () => Promise<JobQueueStats>): void {
    this.#jobStats = read;
  }

  /** Records one query builder query (Kysely's log event). */
  observeQuery(dialect: string, durationMs: number, failed: boolean): void {
    this.dbQueryDuration.observe({ dialect, outcome: failed ? 'error' : 'ok' }, durationMs / 1000);
  }
}
