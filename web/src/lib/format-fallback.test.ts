import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { dateTimeFormat, FallbackDateTimeFormat, loadFallbackData } from '../../../common/intl-fallback.ts';
import { formatOccurrence } from '../features/events/format.ts';
import { formatDate, formatMoment, formatNumber } from './format.ts';
import { icuWithIsolates } from './i18n.ts';

// A browser whose ICU has no Pashto, Somali or Tigrinya (Debian's Chromium): Intl says it does not
// support them, and the app writes them from its own tables. Node has them, so its Intl is the reference.
const LACKING = ['ps', 'so', 'ti'];
const at = Date.UTC(2026, 11, 5, 14, 2);

beforeAll(async () => {
  const lacking = (tags: string[]) => tags.filter((tag) => !LACKING.includes(tag.split('-')[0] ?? tag));
  const dates = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
  const numbers = Intl.NumberFormat.supportedLocalesOf.bind(Intl.NumberFormat);
  vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales, options) =>
    lacking(dates(locales, options)),
  );
  vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf').mockImplementation((locales, options) =>
    lacking(numbers(locales, options)),
  );
  await Promise.all(LACKING.map((locale) => loadFallbackData(locale)));
});

describe('dates and numbers where the browser lacks the language', () => {
  it('writes them as a full ICU does', () => {
    expect(dateTimeFormat('ti', { dateStyle: 'medium' })).toBeInstanceOf(FallbackDateTimeFormat);
    expect(dateTimeFormat('de', { dateStyle: 'medium' })).not.toBeInstanceOf(FallbackDateTimeFormat);
    expect(formatDate(at, 'ti')).toBe(new Intl.DateTimeFormat('ti', { dateStyle: 'medium' }).format(at));
    expect(formatDate(at, 'so', 'full')).toBe(
      new Intl.DateTimeFormat('so', { dateStyle: 'full' }).format(at),
    );
    expect(formatMoment(at, 'so', new Date(2027, 0, 1))).toBe(
      new Intl.DateTimeFormat('so', { dateStyle: 'medium', timeStyle: 'short' }).format(at),
    );
    expect(formatDate(at, 'ps')).toBe(
      new Intl.DateTimeFormat('ps-u-ca-gregory', { dateStyle: 'medium' }).format(at),
    );
    expect(formatNumber(-1234.5, 'ps')).toBe(new Intl.NumberFormat('ps').format(-1234.5));
    expect(formatNumber(1234.5, 'ps')).toBe('۱٬۲۳۴٫۵');
  });

  it('writes an event’s time in the reader’s zone', () => {
    const occurrence = {
      startsAt: new Date(at).toISOString(),
      endsAt: new Date(at + 7_200_000).toISOString(),
    };
    expect(formatOccurrence(occurrence, 'ti', 'Africa/Asmara')).toBe('ቀዳም፣ 5 ታሕሳስ 2026 5:02 – 7:02 ድ.ቀ.');
  });

  it('formats dates and numbers inside catalogue messages the same way', async () => {
    const i18n = i18next.createInstance();
    await i18n.use(icuWithIsolates()).init({
      lng: 'ti',
      fallbackLng: false,
      interpolation: { escapeValue: false },
      resources: {
        ti: { translation: { due: 'ክሳብ {date, date, medium}', count: '{n, plural, other {# ኣባላት}}' } },
        ps: { translation: { count: '{n, plural, one {# غړی} other {# غړي}}', when: '{date, date, long}' } },
      },
    });
    expect(i18n.t('due', { date: new Date(at) })).toBe(
      `ክሳብ ${new Intl.DateTimeFormat('ti', { month: 'short', day: 'numeric', year: 'numeric' }).format(at)}`,
    );
    await i18n.changeLanguage('ps');
    expect(i18n.t('count', { n: 1234 })).toBe('۱٬۲۳۴ غړي');
    expect(i18n.t('when', { date: new Date(at) })).toContain('دسمبر');
  });
});
