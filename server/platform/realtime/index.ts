export { publishMembershipChanged } from './realtime.events.ts';
export { createRealtimeHub, type RealtimeEvent, type RealtimeHub, rooms } from './realtime.hub.ts';
export { isRelayMessage } from './realtime.ipc-transport.ts';
export { realtimeRoutes } from './realtime.routes.ts';
export type { SocketOptions } from './realtime.sockets.ts';
