import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/min';
import type { Finding } from './kinds.ts';
import { contextMatcher, hasContextBefore } from './text.ts';

/**
 * Phone numbers through libphonenumber-js (the "min" metadata: lengths and prefixes per country,
 * about 20 KB gzip). A number in international form counts wherever it stands; a national number
 * counts when it is long enough to be one (a trunk 0 and ten digits or more) or when a word like
 * "Telefon" stands before it, since short digit groups are often something else.
 */

/** Where the mentors of mentorNET's partner networks live; national numbers are read as theirs. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['DE', 'AT', 'GB', 'IT', 'PL', 'GR', 'UA', 'CY'];

const PHONE_CONTEXT = contextMatcher([
  'phone',
  'tel',
  'mobile',
  'cell',
  'call',
  'ring',
  'reach',
  'whatsapp',
  'signal',
  'number',
  'contact',
  'telefon',
  'handy',
  'anruf',
  'ruf',
  'erreichbar',
  'nummer',
  'kontakt',
  'telefono',
  'cellulare',
  'chiam',
  'numero',
  'contatt',
  'komórk',
  'zadzwo',
  'dzwo',
  'numer',
  'τηλ',
  'κινητ',
  'καλέστε',
  'καλεστε',
  'viber',
  'επικοινων',
  'هاتف',
  'جوال',
  'موبايل',
  'اتصل',
  'رقم',
  'واتساب',
  'تلفون',
  'телефон',
  'номер',
  'дзвон',
  'зателефон',
  'мобільн',
  'вайбер',
]);

interface Options {
  regions?: readonly CountryCode[];
}

/** Phone numbers in the text (digits already ASCII). */
export function findPhones(text: string, { regions = DEFAULT_PHONE_REGIONS }: Options = {}): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, end: number) => {
    found.push({ kind: 'phone', start, end, text: text.slice(start, end) });
  };
  for (const defaultCountry of regions) {
    for (const match of findPhoneNumbersInText(text, { defaultCountry })) {
      const written = text.slice(match.startsAt, match.endsAt);
      const international = /^(?:\+|00)/.test(written);
      const digits = written.replace(/\D/g, '').length;
      const longNational = written.startsWith('0') && digits >= 10;
      if (international || longNational || hasContextBefore(text, match.startsAt, PHONE_CONTEXT, 40)) {
        add(match.startsAt, match.endsAt);
      }
    }
  }
  // Numbers in international form that libphonenumber cannot confirm as assigned (new ranges,
  // fictional ones) are still phone numbers to a reader: take every possible one.
  const lenient = { leniency: 'POSSIBLE' } as unknown as { extended?: boolean };
  for (const match of findPhoneNumbersInText(text, lenient)) {
    if (/^(?:\+|00)/.test(text.slice(match.startsAt, match.endsAt))) add(match.startsAt, match.endsAt);
  }
  // The regions may read one number differently: the longest reading wins.
  const kept: Finding[] = [];
  for (const f of found.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  return kept;
}
