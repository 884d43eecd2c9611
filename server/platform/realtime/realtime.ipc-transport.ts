import cluster from 'node:cluster';
import type { RealtimeEvent, RealtimeHub } from './realtime.hub.ts';

/** A realtime event on its way between the server processes of one machine (`WORKERS` > 1). */
export interface RelayMessage {
  mentornet: 'realtime';
  room: string;
  event: RealtimeEvent;
}

export function isRelayMessage(message: unknown): message is RelayMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { mentornet?: unknown }).mentornet === 'realtime' &&
    typeof (message as { room?: unknown }).room === 'string'
  );
}

/**
 * Realtime between the server processes of one machine on SQLite: each process forwards what it
 * publishes to the supervising process, which hands it to every other one (server/cluster.ts).
 * PostgreSQL deployments use LISTEN/NOTIFY instead, which also reaches other machines.
 * Returns undefined when this process is not one of several (nothing to forward to).
 */
export function startIpcTransport(hub: RealtimeHub): { stop(): void } | undefined {
  if (!cluster.isWorker) return undefined;
  const onMessage = (message: unknown) => {
    if (isRelayMessage(message)) hub.deliverLocal(message.room, message.event);
  };
  process.on('message', onMessage);
  hub.setForwarder(async (room, event) => {
    if (!process.connected || !process.send) return;
    const message: RelayMessage = { mentornet: 'realtime', room, event };
    process.send(message);
  });
  return {
    stop() {
      hub.setForwarder(undefined);
      process.off('message', onMessage);
    },
  };
}
