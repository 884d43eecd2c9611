import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData } from 'ws';
import { ClientFrame, WS_PATH } from '../../../common/realtime-events.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { realtimeEvent, rooms, startIpcTransport, startPgTransport } from '../realtime/index.ts';
import { requireAuth } from '../sessions/index.ts';
import { type ClientSocket, DEFAULT_SOCKET_OPTIONS, type SocketOptions, SocketRegistry } from './sockets.ts';

/** Client frames are tiny; anything larger is refused by ws itself (close 1009). */
const MAX_CLIENT_FRAME_BYTES = 4096;

/**
 * The WebSocket endpoint (`GET /api/ws`, protocol in common/realtime-events.ts) and, on
 * PostgreSQL, the LISTEN/NOTIFY link to other instances. Registered before every other route:
 * @fastify/websocket must see routes as they are added.
 */
export async function websocketRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: Partial<SocketOptions> = {},
) {
  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_FRAME_BYTES } });
  const registry = new SocketRegistry(
    ctx.realtime,
    { ...DEFAULT_SOCKET_OPTIONS, ...options },
    (socket) => void resubscribe(socket),
  );
  ctx.metrics.countWebSockets(() => registry.size);
  const transport =
    ctx.database.dialect === 'postgres' && ctx.config.databaseUrl
      ? await startPgTransport({
          url: ctx.config.databaseUrl,
          db: ctx.database.db,
          hub: ctx.realtime,
          log: ctx.log,
          // The link was down: this instance may have missed events, so its clients catch up.
          onGap: () => registry.broadcast({ type: 'sync.required', data: {} }),
        })
      : startIpcTransport(ctx.realtime);
  app.addHook('onClose', async () => {
    registry.close();
    await transport?.stop();
  });

  const resubscribing = new WeakSet<ClientSocket>();
  async function resubscribe(socket: ClientSocket): Promise<void> {
    if (resubscribing.has(socket)) return;
    resubscribing.add(socket);
    try {
      const before = new Set(socket.rooms);
      registry.setRooms(socket, await ctx.realtime.roomsFor(socket.userId), before);
      registry.sendTo(socket, {
        type: 'realtime.ready',
        data: { userId: socket.userId, rooms: socket.rooms.size },
      });
    } catch (err) {
      ctx.log.error({ err }, 'realtime: could not compute rooms');
      socket.ws.close(1011, 'try again');
    } finally {
      resubscribing.delete(socket);
    }
  }

  const allowedOrigin = new URL(ctx.config.publicUrl).origin;
  /** Cross-site WebSocket hijacking: browsers always send Origin, and it must be ours. */
  const checkUpgrade = async (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (!origin || (origin !== allowedOrigin && origin !== `${request.protocol}://${request.host}`)) {
      throw new AppError('CSRF_FAILED', 403);
    }
    requireAuth(request);
  };

  app.get(WS_PATH, { websocket: true, preHandler: checkUpgrade }, (ws, request) => {
    const { user, session } = requireAuth(request);
    const socket: ClientSocket = {
      ws,
      userId: user.id,
      sessionId: session.id,
      rooms: new Set([rooms.user(user.id)]),
      alive: true,
    };
    // Listeners first (frames may arrive at once), then the rooms from the database.
    ws.on('pong', () => {
      socket.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      socket.alive = true;
      void onFrame(socket, user.displayName, data, isBinary);
    });
    ws.on('close', () => registry.remove(socket));
    registry.add(socket);
    void resubscribe(socket);
  });

  async function onFrame(socket: ClientSocket, displayName: string, data: RawData, isBinary: boolean) {
    const text = isBinary ? '' : data.toString();
    let frame: ClientFrame | undefined;
    try {
      const parsed = ClientFrame.safeParse(JSON.parse(text));
      frame = parsed.success ? parsed.data : undefined;
    } catch {
      frame = undefined;
    }
    if (!frame) {
      registry.sendTo(socket, { type: 'realtime.error', data: { code: 'VALIDATION_FAILED' } });
      return;
    }
    switch (frame.type) {
      case 'ping':
        registry.sendTo(socket, { type: 'pong', data: {} });
        return;
      case 'resubscribe':
        await resubscribe(socket);
        return;
      case 'typing': {
        const { conversationId } = frame.data;
        // The socket is in a conversation's room exactly when its user takes part in it.
        if (!socket.rooms.has(rooms.conversation(conversationId))) {
          registry.sendTo(socket, { type: 'realtime.error', data: { code: 'NOT_FOUND', frame: 'typing' } });
        } else if (!registry.allowTyping(socket, conversationId)) {
          registry.sendTo(socket, {
            type: 'realtime.error',
            data: { code: 'RATE_LIMITED', frame: 'typing' },
          });
        } else {
          // A relay between the conversation's sockets: nothing is stored, so no feature is asked.
          await ctx.realtime
            .publish(
              rooms.conversation(conversationId),
              realtimeEvent('typing.started', { conversationId, userId: socket.userId, displayName }),
            )
            .catch((err) => ctx.log.warn({ err }, 'realtime: typing event not published'));
        }
      }
    }
  }
}
