import { connect, type Socket } from 'node:net';
import { percentileOfSorted } from './percentile.ts';

/**
 * A lean HTTP/1.1 load generator: a fixed number of keep-alive connections, each sending the same
 * request again as soon as the previous answer is complete, for a fixed time. It measures what
 * autocannon measures (answers per second, latency percentiles, errors, non-2xx answers) without
 * decoding the answers: it reads the status line and the headers, then only counts the body's bytes
 * (Content-Length or chunked). On two cores the load generator shares the CPU with the server under
 * test, and autocannon turns every body into a string with a parser written in JavaScript: for a 10
 * KB answer that took more CPU than a third of the server's own work (see bench/README.md).
 */
export interface HttpLoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  /** An answer that takes longer than this counts as an error and its connection is opened anew. */
  timeoutMs?: number;
}

export interface HttpLoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
  bytes: number;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const RETRY_AFTER_MS = 20;
const CRLF = Buffer.from('\r\n');

/** The request bytes, built once. */
export function requestBytes(options: Pick<HttpLoadOptions, 'url' | 'headers' | 'method' | 'body'>): Buffer {
  const url = new URL(options.url);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const lines = [`${options.method ?? 'GET'} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  if (body) lines.push(`content-length: ${body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body ? Buffer.concat([head, body]) : head;
}

type Parsed =
  | { done: false }
  | { done: true; status: number; consumed: number }
  | { done: true; error: string; consumed: 0 };

/**
 * Parses one complete answer at the start of `data`, or says that more bytes are needed. Only the
 * status and the body's framing are read; the body itself is skipped.
 */
export function parseAnswer(data: Buffer): Parsed {
  const headEnd = data.indexOf(CRLF2);
  if (headEnd < 0) return { done: false };
  const head = data.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  if (!head.startsWith('HTTP/1.1 ') || !Number.isInteger(status)) {
    return { done: true, error: 'not an HTTP/1.1 answer', consumed: 0 };
  }
  const lower = head.toLowerCase();
  const bodyStart = headEnd + 4;
  const length = /\r\ncontent-length: *(\d+)/.exec(lower);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return data.length >= end ? { done: true, status, consumed: end } : { done: false };
  }
  if (/\r\ntransfer-encoding: *chunked/.test(lower)) {
    let at = bodyStart;
    for (;;) {
      const lineEnd = data.indexOf(CRLF, at);
      if (lineEnd < 0) return { done: false };
      const size = Number.parseInt(data.toString('latin1', at, lineEnd), 16);
      if (!Number.isInteger(size)) return { done: true, error: 'bad chunk size', consumed: 0 };
      // The last chunk is followed by (no) trailers and an empty line.
      if (size === 0) {
        const end = data.indexOf(CRLF2, lineEnd - 2);
        return end < 0 ? { done: false } : { done: true, status, consumed: end + 4 };
      }
      at = lineEnd + 2 + size + 2;
      if (data.length < at) return { done: false };
    }
  }
  // No body framing: only answers without a body (204, 304) may do that on a kept connection.
  if (status === 204 || status === 304) return { done: true, status, consumed: bodyStart };
  return { done: true, error: 'answer without Content-Length', consumed: 0 };
}

/** Runs the load and resolves with its figures once every connection has finished. */
export function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const url = new URL(options.url);
  const request = requestBytes(options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  let errors = 0;
  let non2xx = 0;
  let bytes = 0;
  const started = performance.now();
  const endsAt = started + options.durationSeconds * 1000;

  const record = (ms: number) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = ms;
  };

  const connection = (): Promise<void> =>
    new Promise((resolve) => {
      let socket: Socket;
      let pending: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let waiting = false;
      let timer: NodeJS.Timeout | undefined;
      let finished = false;

      const send = () => {
        if (performance.now() >= endsAt) return finish();
        sentAt = performance.now();
        waiting = true;
        socket.write(request);
        timer = setTimeout(() => {
          errors++;
          reopen();
        }, timeoutMs);
      };
      /** Stops waiting on this socket and closes it, without its events. */
      const drop = () => {
        clearTimeout(timer);
        waiting = false;
        socket.removeAllListeners();
        socket.destroy();
      };
      const finish = () => {
        if (finished) return;
        finished = true;
        drop();
        resolve();
      };
      const reopen = () => {
        drop();
        if (performance.now() >= endsAt) return finish();
        open();
      };
      const open = () => {
        pending = Buffer.alloc(0);
        socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
        socket.once('connect', send);
        // A refused or broken connection is tried again a little later, not in a tight loop.
        socket.on('error', () => {
          errors++;
          drop();
          timer = setTimeout(reopen, RETRY_AFTER_MS);
        });
        // A connection the server closes while a request waits for its answer loses that request.
        socket.on('close', () => {
          if (finished) return;
          if (waiting) errors++;
          reopen();
        });
        socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
          const parsed = parseAnswer(pending);
          if (!parsed.done) return;
          clearTimeout(timer);
          waiting = false;
          if ('error' in parsed) {
            errors++;
            return reopen();
          }
          record(performance.now() - sentAt);
          if (parsed.status < 200 || parsed.status >= 300) non2xx++;
          pending = pending.subarray(parsed.consumed);
          send();
        });
      };
      open();
    });

  return Promise.all(Array.from({ length: options.connections }, connection)).then(() => {
    const seconds = (performance.now() - started) / 1000;
    const sorted = latencies.subarray(0, count).sort();
    // In ms to a tenth; 0 when no answer came.
    const at = (p: number) => (count === 0 ? 0 : Math.round(percentileOfSorted(sorted, p) * 10) / 10);
    return {
      requestsPerSecond: Math.round(count / seconds),
      p50Ms: at(50),
      p99Ms: at(99),
      errors,
      non2xx,
      requests: count,
      bytes,
    };
  });
}
