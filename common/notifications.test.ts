import { describe, expect, it } from 'vitest';
import { type NotificationTarget, notificationPath } from './notifications.ts';

const none: Omit<NotificationTarget, 'kind'> = {
  conversationId: null,
  networkSlug: null,
  helpRequestId: null,
  eventId: null,
  topicId: null,
};

describe('where a notification leads', () => {
  it('opens the conversation, else the network page it is about', () => {
    expect(notificationPath({ ...none, kind: 'message', conversationId: 'c1', networkSlug: 'n' })).toBe(
      '/messages/c1',
    );
    expect(notificationPath({ ...none, kind: 'reply', networkSlug: 'n', topicId: 't1' })).toBe(
      '/networks/n/discussions/t1',
    );
    expect(notificationPath({ ...none, kind: 'event_reminder', networkSlug: 'n', eventId: 'e1' })).toBe(
      '/networks/n/events/e1',
    );
    expect(notificationPath({ ...none, kind: 'help_offer', networkSlug: 'n', helpRequestId: 'h1' })).toBe(
      '/networks/n/support/h1',
    );
    expect(notificationPath({ ...none, kind: 'help_escalated', networkSlug: 'n' })).toBe(
      '/networks/n/support',
    );
    expect(notificationPath({ ...none, kind: 'announcement' })).toBe('/home');
  });

  it("leads a record reminder to the member's record, a handover to the request or one's log", () => {
    expect(
      notificationPath({ ...none, kind: 'record_check_expiring', networkSlug: 'n', actorId: 'u7' }),
    ).toBe('/networks/n/members/u7/record');
    expect(
      notificationPath({ ...none, kind: 'record_handover', networkSlug: 'n', helpRequestId: 'h2' }),
    ).toBe('/networks/n/support/h2');
    expect(notificationPath({ ...none, kind: 'record_handover', networkSlug: 'n' })).toBe('/log');
  });
});
