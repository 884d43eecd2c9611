import type { WebSocket } from 'ws';
import { WS_CLOSE } from '../../../common/realtime-events.ts';
import { type RealtimeEvent, type RealtimeHub, rooms } from '../realtime/index.ts';

export interface SocketOptions {
  /** Ping interval; a socket that has not answered the previous ping by the next one is dropped. */
  heartbeatMs: number;
  /** A socket whose unsent bytes pass this is a slow consumer and is closed (it reconnects and syncs). */
  maxBufferedBytes: number;
  /** At most one typing event per socket and conversation in this interval. */
  typingIntervalMs: number;
}

export const DEFAULT_SOCKET_OPTIONS: SocketOptions = {
  heartbeatMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
  typingIntervalMs: 2_000,
};

/** One connected browser session. Kept small: an idle socket costs little more than the ws object. */
export interface ClientSocket {
  readonly ws: WebSocket;
  readonly userId: string;
  readonly sessionId: string;
  rooms: Set<string>;
  alive: boolean;
  /** Last typing event per conversation (created on first use). */
  typingAt?: Map<string, number>;
}

/**
 * Local sockets by room, fed by the hub. Each event is serialised once and written to every socket
 * in its room. Some events also change which rooms a socket is in (joining a new conversation,
 * leaving one, a membership change), and those are applied before the event is delivered.
 */
export class SocketRegistry {
  private readonly byRoom = new Map<string, Set<ClientSocket>>();
  private readonly sockets = new Set<ClientSocket>();
  private readonly stopListening: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    hub: RealtimeHub,
    private readonly options: SocketOptions,
    /** Re-evaluates a socket's rooms from the database (membership changes). */
    private readonly resubscribe: (socket: ClientSocket) => void,
  ) {
    this.stopListening = hub.listen((room, event) => this.deliver(room, event));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.sockets.size;
  }

  add(socket: ClientSocket): void {
    this.sockets.add(socket);
    for (const room of socket.rooms) this.index(room, socket);
  }

  remove(socket: ClientSocket): void {
    this.sockets.delete(socket);
    for (const room of socket.rooms) this.unindex(room, socket);
  }

  /**
   * Replaces a socket's rooms with ones computed from the database. `before` is the socket's rooms
   * when the computation started: rooms joined or left meanwhile (by events) stay joined or left.
   */
  setRooms(socket: ClientSocket, computed: Set<string>, before: Set<string>): void {
    if (!this.sockets.has(socket)) return;
    const next = new Set(computed);
    for (const room of socket.rooms) if (!before.has(room)) next.add(room);
    for (const room of before) if (!socket.rooms.has(room)) next.delete(room);
    for (const room of socket.rooms) if (!next.has(room)) this.unindex(room, socket);
    for (const room of next) if (!socket.rooms.has(room)) this.index(room, socket);
    socket.rooms = next;
  }

  join(socket: ClientSocket, room: string): void {
    if (socket.rooms.has(room) || !this.sockets.has(socket)) return;
    socket.rooms.add(room);
    this.index(room, socket);
  }

  leave(socket: ClientSocket, room: string): void {
    if (!socket.rooms.delete(room)) return;
    this.unindex(room, socket);
  }

  /** Sends one frame to one socket (answers to its own frames). */
  sendTo(socket: ClientSocket, frame: RealtimeEvent): void {
    this.write(socket, JSON.stringify(frame));
  }

  /** Sends one frame to every local socket (e.g. `sync.required` after a gap in delivery). */
  broadcast(frame: RealtimeEvent): void {
    const text = JSON.stringify(frame);
    for (const socket of this.sockets) this.write(socket, text);
  }

  /** Whether a typing event from this socket for this conversation may go out now (and counts it). */
  allowTyping(socket: ClientSocket, conversationId: string, now = Date.now()): boolean {
    socket.typingAt ??= new Map();
    const last = socket.typingAt.get(conversationId) ?? 0;
    if (now - last < this.options.typingIntervalMs) return false;
    if (socket.typingAt.size > 50) socket.typingAt.clear();
    socket.typingAt.set(conversationId, now);
    return true;
  }

  close(): void {
    this.stopListening();
    clearInterval(this.heartbeat);
  }

  private deliver(room: string, event: RealtimeEvent): void {
    const members = this.byRoom.get(room);
    if (!members) return;
    const text = JSON.stringify(event);
    for (const socket of [...members]) {
      this.applyControl(socket, room, event);
      this.write(socket, text);
    }
  }

  private applyControl(socket: ClientSocket, room: string, event: RealtimeEvent): void {
    const data = event.data as {
      conversation?: { id?: string };
      conversationId?: string;
      userId?: string;
      sessionIds?: string[];
    };
    if (event.type === 'session.revoked' && room === rooms.user(socket.userId)) {
      if (data.sessionIds?.includes(socket.sessionId))
        socket.ws.close(WS_CLOSE.sessionEnded, 'session ended');
      return;
    }
    if (event.type === 'membership.changed') {
      this.resubscribe(socket);
    } else if (
      event.type === 'conversation.created' &&
      data.conversation?.id &&
      room === rooms.user(socket.userId)
    ) {
      this.join(socket, rooms.conversation(data.conversation.id));
    }
    if (event.type === 'conversation.left' && data.userId === socket.userId && data.conversationId) {
      this.leave(socket, rooms.conversation(data.conversationId));
    }
  }

  private write(socket: ClientSocket, text: string): void {
    const ws = socket.ws;
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > this.options.maxBufferedBytes) {
      // The close frame may never get through a full buffer; the terminate frees the memory anyway.
      ws.close(WS_CLOSE.slowConsumer, 'slow consumer');
      setTimeout(() => ws.terminate(), 1_000).unref();
      return;
    }
    ws.send(text);
  }

  private beat(): void {
    for (const socket of this.sockets) {
      if (!socket.alive) {
        socket.ws.terminate();
        continue;
      }
      socket.alive = false;
      socket.ws.ping();
    }
  }

  private index(room: string, socket: ClientSocket): void {
    let set = this.byRoom.get(room);
    if (!set) {
      set = new Set();
      this.byRoom.set(room, set);
    }
    set.add(socket);
  }

  private unindex(room: string, socket: ClientSocket): void {
    const set = this.byRoom.get(room);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) this.byRoom.delete(room);
  }
}
