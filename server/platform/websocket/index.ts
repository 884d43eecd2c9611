/** The WebSocket endpoint (`/api/ws`): one socket per browser session, fed by the realtime hub. */
export type { SocketOptions } from './sockets.ts';
export { websocketRoutes } from './websocket.routes.ts';
