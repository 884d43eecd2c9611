import type { SyncResult } from '../../../common/contracts/messages.ts';
import type { ClientFrame } from '../../../common/contracts/realtime.ts';
import { WS_CLOSE, WS_PATH } from '../../../common/realtime.ts';
import type { ServerEvents, ServerEventType, ServerFrame } from '../../../common/realtime-events.ts';
import { api, query } from './api-client.ts';

export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'closed';
type Handler<K extends ServerEventType> = (data: ServerEvents[K]) => void;
type AnyHandler = (data: unknown) => void;

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 15_000;
const PING_EVERY_MS = 25_000;
const SYNC_PAGES_MAX = 20;

/** Delay before reconnect attempt `n` (0-based): exponential, capped, with full jitter over its upper half. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The one WebSocket of this tab (`/api/ws`). Features subscribe to event types; the client
 * reconnects with exponential backoff and jitter, and after every reconnect — and whenever the
 * server says `sync.required` — fetches the message changes it missed from `/api/messages/sync`
 * and hands them to the same `message.updated` subscribers, who merge by id and revision.
 */
class RealtimeClient {
  private socket: WebSocket | null = null;
  private handlers = new Map<string, Set<AnyHandler>>();
  private statusListeners = new Set<() => void>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private wanted = false;
  private hasConnected = false;
  private syncing: Promise<void> | null = null;
  /** The highest replayable event id (message revision) seen; the `since` of the next sync. */
  private lastId: string | null = null;
  status: RealtimeStatus = 'idle';

  /** Opens the socket (idempotent); called once a user is signed in. */
  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  /** Closes the socket for good (sign out). */
  stop(): void {
    this.wanted = false;
    this.hasConnected = false;
    this.lastId = null;
    window.removeEventListener('online', this.reconnectNow);
    clearTimeout(this.retryTimer);
    this.socket?.close(1000);
    this.socket = null;
    this.setStatus('idle');
  }

  on<K extends ServerEventType>(type: K, handler: Handler<K>): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    set.add(handler as AnyHandler);
    return () => set.delete(handler as AnyHandler);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Sends a frame if the socket is open; frames are hints (typing), so nothing is queued. */
  send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private setStatus(status: RealtimeStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  private emit(type: string, data: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) handler(data);
  }

  private noteId(id: string | undefined): void {
    // Revisions are time-ordered ids of equal length: a string comparison orders them.
    if (id && (this.lastId === null || id > this.lastId)) this.lastId = id;
  }

  private connect(): void {
    if (!this.wanted) return;
    clearTimeout(this.retryTimer);
    const url = new URL(WS_PATH, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.setStatus('connecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.pingTimer);
      this.setStatus('closed');
      if (event.code === WS_CLOSE.sessionEnded) {
        this.wanted = false;
        this.emit('session.ended', {});
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (!this.wanted) return;
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /** Back online (or the tab woke up): try at once instead of waiting out the backoff. */
  private reconnectNow = (): void => {
    if (!this.wanted || this.socket) return;
    this.attempt = 0;
    this.connect();
  };

  private receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(raw) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'realtime.ready') {
      this.attempt = 0;
      this.setStatus('open');
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
      // The first connection starts from what the pages load; later ones catch up.
      if (this.hasConnected) void this.catchUp();
      this.hasConnected = true;
    } else if (frame.type === 'sync.required') {
      void this.catchUp();
    }
    this.noteId(frame.id);
    this.emit(frame.type, frame.data);
  }

  /** Fetches every message change after the last one seen, page by page; one run at a time. */
  private catchUp(): Promise<void> {
    this.syncing ??= this.runSync().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async runSync(): Promise<void> {
    if (this.lastId === null) {
      // Nothing replayable seen yet: the pages simply load again.
      this.emit('sync.reloaded', {});
      return;
    }
    try {
      for (let page = 0; page < SYNC_PAGES_MAX; page++) {
        const result = await api.get<SyncResult>(`/messages/sync${query({ since: this.lastId })}`);
        for (const message of result.messages) this.emit('message.updated', { message });
        if (result.nextSince) this.noteId(result.nextSince);
        if (!result.hasMore) break;
      }
      this.emit('sync.completed', {});
    } catch {
      // Offline again: the next reconnect syncs.
    }
  }
}

/** Local events besides the server's: a sync finished (`sync.completed`), pages should reload
 * (`sync.reloaded`), the session ended (`session.ended`). */
export type LocalEvent = 'sync.completed' | 'sync.reloaded' | 'session.ended';

export const realtime = new RealtimeClient();

/** Subscribes to a local event of the client. */
export function onLocalEvent(type: LocalEvent, handler: () => void): () => void {
  return realtime.on(type as ServerEventType, handler as Handler<ServerEventType>);
}
