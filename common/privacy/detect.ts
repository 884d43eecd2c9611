import type { CountryCode } from 'libphonenumber-js/min';
import { findAddresses } from './addresses.ts';
import { findDates } from './dates.ts';
import type { Finding, PrivacyKind } from './kinds.ts';
import { findNames, findPlaces } from './names.ts';
import { findEmails, findIbans, findIdNumbers } from './numbers.ts';
import { DEFAULT_PHONE_REGIONS, findPhones } from './phones.ts';
import { asciiDigits } from './text.ts';

export interface DetectOptions {
  /**
   * Countries whose national phone numbers are recognised without a country code (default: where
   * mentorNET's partner networks are). Patterns and words of all seven languages always apply:
   * case texts mix languages (a German address in an Arabic text).
   */
  phoneRegions?: readonly CountryCode[];
}

// When two findings overlap, the more specific kind wins: an e-mail address is not also a name,
// an IBAN not a phone number, a date not an ID number, a street named after a person not a name.
const PRIORITY: Record<PrivacyKind, number> = {
  email: 8,
  iban: 7,
  birth_date: 6,
  id_number: 5,
  phone: 4,
  address: 3,
  nationality_place: 2,
  name: 1,
};

const PLACEHOLDER = /\[(?:name|date|phone|email|address|id number|iban|place)\]/g;

/** The personal data in a case text, in text order, without overlaps. */
export function detectPersonalData(text: string, options: DetectOptions = {}): Finding[] {
  // Placeholders already put in are blanked so that nothing is found inside them.
  const plain = asciiDigits(text).replace(PLACEHOLDER, (p) => ' '.repeat(p.length));
  const candidates = [
    ...findEmails(plain),
    ...findIbans(plain),
    ...findDates(plain),
    ...findIdNumbers(plain),
    ...findPhones(plain, { regions: options.phoneRegions ?? DEFAULT_PHONE_REGIONS }),
    ...findAddresses(plain),
    ...findPlaces(plain),
    ...findNames(plain),
  ];
  candidates.sort(
    (a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const c of candidates) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push({ ...c, text: text.slice(c.start, c.end) });
  }
  return kept.sort((a, b) => a.start - b.start);
}
