/**
 * The realtime hub: features publish typed events (common/realtime-events.ts) to rooms and register
 * which rooms their users belong in; transports carry events to the other server processes.
 */
export {
  createRealtimeHub,
  type RealtimeEvent,
  type RealtimeHub,
  type RoomResolver,
  realtimeEvent,
  rooms,
} from './realtime.hub.ts';
export { isRelayMessage, startIpcTransport } from './realtime.ipc-transport.ts';
export { startPgTransport } from './realtime.pg-transport.ts';
