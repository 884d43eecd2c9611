import { describe, expect, it } from 'vitest';
import { isInQuietHours, pushKindOf } from './push.ts';

describe('push choices', () => {
  it('maps notification kinds to the push choice they follow', () => {
    expect(pushKindOf('message')).toBe('message');
    expect(pushKindOf('mention')).toBe('mention');
    expect(pushKindOf('announcement')).toBe('announcement');
    expect(pushKindOf('help_offer')).toBe('help');
    expect(pushKindOf('event_reminder')).toBe('events');
    expect(pushKindOf('reply')).toBeNull();
    expect(pushKindOf('nudge_missed')).toBeNull();
  });

  it('knows quiet hours within a day and across midnight', () => {
    expect(isInQuietHours('12:30', '12:00', '14:00')).toBe(true);
    expect(isInQuietHours('14:00', '12:00', '14:00')).toBe(false);
    expect(isInQuietHours('11:59', '12:00', '14:00')).toBe(false);
    expect(isInQuietHours('23:10', '22:00', '07:00')).toBe(true);
    expect(isInQuietHours('06:59', '22:00', '07:00')).toBe(true);
    expect(isInQuietHours('07:00', '22:00', '07:00')).toBe(false);
    expect(isInQuietHours('12:00', '08:00', '08:00')).toBe(false);
  });
});
