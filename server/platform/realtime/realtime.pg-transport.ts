import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import { postgresDriver } from '../../db/postgres-driver.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow, MINUTE } from '../../lib/time.ts';
import type { RealtimeEvent, RealtimeHub } from './realtime.hub.ts';
import { deleteOutboxEventsBefore, findOutboxEvent, insertOutboxEvent } from './realtime.repository.ts';

export const REALTIME_CHANNEL = 'mentornet_realtime';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it. */
export const MAX_NOTIFY_BYTES = 7_800;

interface Envelope {
  /** Sending instance (its own notifications come back to it and are skipped). */
  i: string;
  r: string;
  e?: RealtimeEvent;
  /** Id of a parked event in realtime_outbox, for events too large for the payload. */
  ref?: string;
}

export interface PgTransportOptions {
  url: string;
  db: Kysely<DB>;
  hub: RealtimeHub;
  log: Logger;
  /** Called after the listening connection was re-established (events may have been missed). */
  onGap?: () => void;
  channel?: string;
}

export interface PgTransport {
  readonly instanceId: string;
  stop(): Promise<void>;
}

/**
 * Realtime across instances over PostgreSQL: every local publication is also sent with NOTIFY on
 * one channel; each instance LISTENs on a dedicated connection (not from the pool, which would
 * hand it back and lose the LISTEN), skips its own notifications and delivers the others' to its
 * local sockets. The listening connection reconnects with backoff when it drops.
 */
export async function startPgTransport(options: PgTransportOptions): Promise<PgTransport> {
  const { db, hub, log } = options;
  const channel = options.channel ?? REALTIME_CHANNEL;
  const instanceId = newId();
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | undefined;
  let connectedOnce = false;
  // Notifications are handled one after another, so a parked (loaded) event keeps its place.
  let chain: Promise<void> = Promise.resolve();

  async function handle(payload: string | undefined): Promise<void> {
    if (!payload) return;
    const envelope = JSON.parse(payload) as Envelope;
    if (envelope.i === instanceId) return;
    let event = envelope.e;
    if (envelope.ref) {
      const parked = await findOutboxEvent(db, envelope.ref);
      event = parked ? (JSON.parse(parked.event) as RealtimeEvent) : undefined;
    }
    if (event) hub.deliverLocal(envelope.r, event);
  }

  function scheduleReconnect(reason: unknown) {
    if (stopped || retryTimer) return;
    log.warn({ err: reason, retryMs }, 'realtime: PostgreSQL listener lost; reconnecting');
    const old = client;
    client = undefined;
    old?.removeAllListeners();
    old?.on('error', () => {});
    void old?.end().catch(() => {});
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      retryMs = Math.min(retryMs * 2, 10_000);
      void connect();
    }, retryMs);
    retryTimer.unref();
  }

  async function connect(): Promise<void> {
    const next = new (postgresDriver().Client)({
      connectionString: options.url,
      application_name: `mentornet-realtime-${instanceId}`,
    });
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      chain = chain
        .then(() => handle(message.payload))
        .catch((err) => log.error({ err }, 'realtime: bad notification'));
    });
    next.on('error', (err) => scheduleReconnect(err));
    next.on('end', () => scheduleReconnect(new Error('connection ended')));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (stopped) {
        await next.end();
        return;
      }
      retryMs = 250;
      if (connectedOnce) options.onGap?.();
      connectedOnce = true;
    } catch (err) {
      scheduleReconnect(err);
    }
  }

  /** Best effort: a failed NOTIFY must not fail the request that published (clients can sync). */
  async function forward(room: string, event: RealtimeEvent): Promise<void> {
    try {
      await notify(room, event);
    } catch (err) {
      log.error({ err, room, type: event.type }, 'realtime: NOTIFY failed');
    }
  }

  /** Best effort, as `forward`: a fan-out's events in one statement (one commit), not one each. */
  async function forwardMany(items: { room: string; event: RealtimeEvent }[]): Promise<void> {
    try {
      const payloads: string[] = [];
      for (const { room, event } of items) payloads.push(await payloadOf(room, event));
      // NOTIFY in one transaction keeps the order; identical payloads would be folded into one,
      // but each envelope names its own room.
      await sql`select pg_notify(${channel}, p) from unnest(cast(${payloads} as text[])) as t(p)`.execute(db);
    } catch (err) {
      log.error({ err, events: items.length }, 'realtime: NOTIFY failed');
    }
  }

  async function notify(room: string, event: RealtimeEvent): Promise<void> {
    await sql`select pg_notify(${channel}, ${await payloadOf(room, event)})`.execute(db);
  }

  /** The envelope of an event, or of a reference to it parked in the outbox when it is too large. */
  async function payloadOf(room: string, event: RealtimeEvent): Promise<string> {
    const payload = JSON.stringify({ i: instanceId, r: room, e: event } satisfies Envelope);
    if (Buffer.byteLength(payload) <= MAX_NOTIFY_BYTES) return payload;
    const ref = newId();
    await insertOutboxEvent(db, { id: ref, room, event: JSON.stringify(event), createdAt: isoNow() });
    if (Math.random() < 0.05) await deleteOutboxEventsBefore(db, isoNow(Date.now() - 5 * MINUTE));
    return JSON.stringify({ i: instanceId, r: room, ref } satisfies Envelope);
  }

  await connect();
  hub.setForwarder(forward, forwardMany);
  return {
    instanceId,
    async stop() {
      stopped = true;
      hub.setForwarder(undefined);
      if (retryTimer) clearTimeout(retryTimer);
      const last = client;
      client = undefined;
      if (last) {
        last.removeAllListeners();
        last.on('error', () => {});
        await last.end().catch(() => {});
      }
      await chain;
    },
  };
}
