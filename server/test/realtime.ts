import type { FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';
import type { ServerFrame } from '../../common/realtime-events.ts';
import { type RealtimeHub, realtimeEvent, rooms } from '../platform/realtime/index.ts';
import { TEST_ORIGIN } from './build-app.ts';

let markerCounter = 0;

/** Base ws:// URL of a listening app. */
export function wsUrl(app: FastifyInstance | { port: number }): string {
  if ('port' in app) return `ws://127.0.0.1:${app.port}/api/ws`;
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('app is not listening');
  return `ws://127.0.0.1:${address.port}/api/ws`;
}

/** A real WebSocket client that records every frame and can wait for one. */
export class WsClient {
  readonly frames: ServerFrame[] = [];
  private waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** The first frame (already received or coming) that matches; fails after the timeout. */
  waitFor<T extends ServerFrame['type']>(
    type: T,
    match: (frame: Extract<ServerFrame, { type: T }>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    const test = (f: ServerFrame) => f.type === type && match(f as Extract<ServerFrame, { type: T }>);
    const found = this.frames.find(test);
    if (found) return Promise.resolve(found as Extract<ServerFrame, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f as Extract<ServerFrame, { type: T }>);
        },
      });
    });
  }

  /** Frames of one type received so far. */
  ofType<T extends ServerFrame['type']>(type: T): Extract<ServerFrame, { type: T }>[] {
    return this.frames.filter((f) => f.type === type) as Extract<ServerFrame, { type: T }>[];
  }

  /**
   * Waits until every event published so far to any room of this socket has arrived: publishes a
   * `realtime.marker` to the socket user's own room and waits for it (a socket gets its events in
   * order). The way to prove that something did NOT arrive, instead of sleeping.
   */
  async settle(ctx: { realtime: RealtimeHub }, timeoutMs = 5_000): Promise<void> {
    const ready = this.ofType('realtime.ready')[0];
    if (!ready) throw new Error('settle() needs a socket that got realtime.ready (use connectWs)');
    const marker = `settle-${++markerCounter}`;
    await ctx.realtime.publish(rooms.user(ready.data.userId), realtimeEvent('realtime.marker', { marker }));
    await this.waitFor('realtime.marker', (f) => f.data.marker === marker, timeoutMs);
  }

  /** Settles (see `settle`), then fails if a frame of the type that matches has arrived. */
  async expectNoFrame<T extends ServerFrame['type']>(
    ctx: { realtime: RealtimeHub },
    type: T,
    match: (frame: Extract<ServerFrame, { type: T }>) => boolean = () => true,
  ): Promise<void> {
    await this.settle(ctx);
    const found = this.ofType(type).filter(match);
    if (found.length > 0) throw new Error(`unexpected ${type} frame: ${JSON.stringify(found[0])}`);
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

export interface ConnectOptions {
  cookie?: string;
  origin?: string | null;
  autoPong?: boolean;
}

function open(url: string, options: ConnectOptions): WebSocket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = `mn_session=${options.cookie}`;
  if (options.origin !== null) headers.origin = options.origin ?? TEST_ORIGIN;
  return new WebSocket(url, { headers, autoPong: options.autoPong ?? true });
}

/** Connects and waits until the server has put the socket in its rooms (`realtime.ready`). */
export async function connectWs(url: string, options: ConnectOptions): Promise<WsClient> {
  const client = new WsClient(open(url, options));
  await new Promise<void>((resolve, reject) => {
    client.ws.once('open', () => resolve());
    client.ws.once('error', reject);
    client.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  await client.waitFor('realtime.ready');
  return client;
}

/** The HTTP status with which the server refuses an upgrade (or 101 when it accepts). */
export function upgradeStatus(url: string, options: ConnectOptions): Promise<number> {
  const ws = open(url, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}
