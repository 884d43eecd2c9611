import { describe, expect, it } from 'vitest';
import { translate } from './i18n.ts';

describe('translate', () => {
  it('writes numbers in mails with the language’s own digits', () => {
    // "The link is valid for 24 hours."
    expect(translate('en', 'mail.verify.expiry', { hours: 24 })).toContain('24');
    expect(translate('fa', 'mail.verify.expiry', { hours: 24 })).toContain('۲۴');
    expect(translate('ur', 'mail.verify.expiry', { hours: 24 })).toContain('۲۴');
    expect(translate('ur', 'mail.verify.expiry', { hours: 24 })).not.toMatch(/[0-9]/);
  });

  it('writes Persian and Pashto dates in the Gregorian calendar', () => {
    const date = new Date(Date.UTC(2026, 11, 5, 12));
    const text = translate('fa', 'home.member_since', { date: date.getTime() });
    expect(text).toContain('۲۰۲۶');
    expect(text).toContain('دسامبر');
    const pashto = translate('ps', 'home.member_since', { date: date.getTime() });
    expect(pashto).toContain('۲۰۲۶');
    expect(pashto).toContain('دسمبر');
  });
});
