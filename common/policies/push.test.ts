import { describe, expect, it } from 'vitest';
import { canManagePushSubscription } from './push.ts';

describe('push subscription policy', () => {
  it('lets only the person who subscribed a device manage it', () => {
    expect(canManagePushSubscription('u1', 'u1')).toBe(true);
    expect(canManagePushSubscription('u2', 'u1')).toBe(false);
    expect(canManagePushSubscription('', 'u1')).toBe(false);
  });
});
