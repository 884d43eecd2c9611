import { describe, expect, it } from 'vitest';
import { createRealtimeHub, type RealtimeEvent, realtimeEvent, rooms } from './realtime.hub.ts';

describe('realtime hub', () => {
  it('delivers published events to local listeners and to the forwarder', async () => {
    const hub = createRealtimeHub();
    const seen: [string, RealtimeEvent][] = [];
    const forwarded: string[] = [];
    const stop = hub.listen((room, event) => seen.push([room, event]));
    hub.setForwarder(async (room) => {
      forwarded.push(room);
    });
    await hub.publish(rooms.user('u1'), realtimeEvent('notification.read', { id: 'm1', unreadCount: 0 }));
    hub.deliverLocal(rooms.network('n1'), realtimeEvent('membership.changed', { networkId: 'n1' }));
    stop();
    await hub.publish(rooms.user('u1'), realtimeEvent('sync.required', {}));
    expect(seen).toEqual([
      ['user:u1', { type: 'notification.read', data: { id: 'm1', unreadCount: 0 } }],
      ['network:n1', { type: 'membership.changed', data: { networkId: 'n1' } }],
    ]);
    expect(forwarded).toEqual(['user:u1', 'user:u1']);
  });
});
