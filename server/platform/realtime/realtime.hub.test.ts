import { describe, expect, it } from 'vitest';
import { createRealtimeHub, type RealtimeEvent, rooms } from './realtime.hub.ts';

describe('realtime hub', () => {
  it('delivers published events to local listeners and to the forwarder', async () => {
    const hub = createRealtimeHub();
    const seen: [string, RealtimeEvent][] = [];
    const forwarded: string[] = [];
    const stop = hub.listen((room, event) => seen.push([room, event]));
    hub.setForwarder(async (room) => {
      forwarded.push(room);
    });
    await hub.publish(rooms.user('u1'), { type: 'message.created', data: { id: 'm1' } });
    hub.deliverLocal(rooms.network('n1'), { type: 'topic.created', data: {} });
    stop();
    await hub.publish(rooms.user('u1'), { type: 'ignored', data: {} });
    expect(seen).toEqual([
      ['user:u1', { type: 'message.created', data: { id: 'm1' } }],
      ['network:n1', { type: 'topic.created', data: {} }],
    ]);
    expect(forwarded).toEqual(['user:u1', 'user:u1']);
  });
});
