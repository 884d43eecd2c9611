/** Where the one WebSocket of a browser session opens (protocol in common/realtime-events.ts). */
export const WS_PATH = '/api/ws';

/** Close codes the server uses besides the standard ones. */
export const WS_CLOSE = {
  /** Missed heartbeats: the connection is considered dead (the client simply reconnects). */
  heartbeatTimeout: 4000,
  /** The client did not read fast enough; the server dropped it (reconnect and sync). */
  slowConsumer: 4001,
  /** The session ended or was revoked (sign in again). */
  sessionEnded: 4401,
} as const;
