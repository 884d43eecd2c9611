import type { Finding } from './kinds.ts';
import { contextMatcher, hasContextBefore } from './text.ts';

/**
 * E-mail addresses, IBANs (mod-97) and identity numbers: passport, ID card, residence permit, tax,
 * social-insurance and health-insurance numbers, file numbers of authorities. Like Presidio's
 * recognisers: a pattern, a checksum where the number has one (IBAN, PESEL, AMKA, RNOKPP), and
 * context words where it has none. Runs on text whose digits are already ASCII.
 */

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** E-mail addresses. */
export function findEmails(text: string): Finding[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

// IBAN lengths of the countries mentors meet most; others are taken at 15–34 characters.
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20,
  BE: 16,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  ES: 24,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IT: 27,
  LT: 20,
  LU: 20,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  TR: 26,
  UA: 29,
  LB: 28,
  JO: 30,
  PS: 29,
  SA: 24,
  AE: 23,
  EG: 29,
  TN: 24,
  IQ: 23,
};
const IBAN_CANDIDATE =
  /(?<![\p{L}\p{N}])[A-Z]{2} ?\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu;
const IBAN_CONTEXT = contextMatcher([
  'iban',
  'bank',
  'konto',
  'conto',
  'rachun',
  'λογαριασμ',
  'حساب',
  'рахун',
]);

/** ISO 7064 mod-97 check of an IBAN without spaces. */
export function isValidIban(iban: string): boolean {
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected ? iban.length !== expected : iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** IBANs: checksum-valid ones anywhere; one that fails the checksum only beside a word like "IBAN". */
export function findIbans(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    // The pattern may have taken a group too many (a word after the number): drop groups until valid.
    let candidate = m[0];
    let valid = false;
    while (candidate.replace(/ /g, '').length >= 15) {
      if (isValidIban(candidate.replace(/ /g, ''))) {
        valid = true;
        break;
      }
      const cut = candidate.lastIndexOf(' ');
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
    if (!valid) {
      if (!hasContextBefore(text, m.index, IBAN_CONTEXT, 40)) continue;
      candidate = m[0];
    }
    found.push({ kind: 'iban', start: m.index, end: m.index + candidate.length, text: candidate });
  }
  return found;
}

// Words that announce an identity or file number, in the seven languages.
const ID_CONTEXT = contextMatcher([
  // en
  'passport',
  'id card',
  'identity card',
  'residence permit',
  'brp',
  'permit number',
  'reference',
  'ref.',
  'home office',
  'nhs number',
  'national insurance',
  'ni number',
  'tax number',
  'tax id',
  'case number',
  'file number',
  'social security',
  'insurance number',
  // de
  'pass',
  'reisepass',
  'ausweis',
  'personalausweis',
  'aufenthaltserlaubnis',
  'aufenthaltstitel',
  'aufenthaltsgestattung',
  'ankunftsnachweis',
  'duldung',
  'eat',
  'aktenzeichen',
  'az.',
  'bg-n',
  'bg-nr',
  'kundennummer',
  'steuer-id',
  'steuernummer',
  'steuerid',
  'identifikationsnummer',
  'sozialversicherungsnummer',
  'sv-nummer',
  'rentenversicherungsnummer',
  'versichertennummer',
  'versicherungsnummer',
  // it
  'passaporto',
  'permesso',
  "carta d'identità",
  'carta di identità',
  'codice fiscale',
  'tessera sanitaria',
  'pratica',
  'n.',
  // pl
  'pesel',
  'paszport',
  'dowód',
  'dowodu',
  'karta pobytu',
  'karty pobytu',
  'nip',
  'numer sprawy',
  'sygnatur',
  // el
  'αμκα',
  'αφμ',
  'αμα',
  'διαβατήρι',
  'διαβατηρι',
  'ταυτότητ',
  'ταυτοτητ',
  'άδεια διαμονής',
  'άδειας διαμονής',
  'αδεια διαμονης',
  'αριθμός πρωτοκόλλου',
  'δελτίο',
  // ar
  'جواز',
  'الجواز',
  'تصريح الإقامة',
  'الإقامة',
  'الاقامة',
  'الهوية',
  'هوية',
  'رقم الملف',
  'رقم ملف',
  'ملفه',
  'ملفها',
  'الرقم الضريبي',
  // uk
  'паспорт',
  'посвідк',
  'id-карт',
  'ід-карт',
  'id карт',
  'рнокпп',
  'іпн',
  'податковий номер',
  'ідентифікаційний',
  'номер справи',
]);

// A token with digits (letters, dashes and slashes allowed), the grouped forms of tax and insurance
// numbers, the UK National Insurance number and the German social insurance number.
const ID_CANDIDATE = new RegExp(
  [
    '(?<![\\p{L}\\p{N}+])[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![\\p{L}\\p{N}])',
    '(?<![\\p{L}\\p{N}+])\\d{2} ?\\d{6} ?[A-Z] ?\\d{3}(?![\\p{L}\\p{N}])',
    '(?<![\\p{L}\\p{N}+])\\d{2,4}(?: \\d{2,6}){1,4}(?![\\p{L}\\p{N}])',
    '(?<![\\p{L}\\p{N}+@.])[A-Z0-9]+(?:(?:-|/|//)[A-Z0-9]+)*(?![\\p{L}\\p{N}@])',
  ].join('|'),
  'gu',
);
const DATE_SHAPE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/;
const FISCAL_CODE = /^[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]$/;

function isValidPesel(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  return (10 - (sum % 10)) % 10 === Number(digits[10]) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Greek AMKA: a date of birth (ddmmyy), five digits, Luhn. */
function isValidAmka(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && luhn(digits);
}

/** Ukrainian taxpayer number (RNOKPP): ten digits with a weighted check digit. */
function isValidRnokpp(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return (((sum % 11) + 11) % 11) % 10 === Number(digits[9]);
}

/** Identity and file numbers. */
export function findIdNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(ID_CANDIDATE)) {
    const token = m[0];
    const compact = token.replace(/[ /-]/g, '');
    const digits = compact.replace(/\D/g, '').length;
    if (digits < 5 || DATE_SHAPE.test(token)) continue;
    const letters = compact.length - digits;
    const context = hasContextBefore(text, m.index, ID_CONTEXT, 45);
    const checksum =
      isValidPesel(compact) ||
      isValidAmka(compact) ||
      FISCAL_CODE.test(compact) ||
      /^[A-Z]{2}\d{6}[A-D]$/.test(compact) ||
      /^\d{8}[A-Z]\d{3}$/.test(compact);
    // A code of letters and at least six digits reads as a document or file number on its own.
    const mixed = letters > 0 && digits >= 6 && compact.length >= 8 && !/ /.test(token);
    if (!context && !checksum && !mixed && !(isValidRnokpp(compact) && /\d{10}/.test(token))) continue;
    found.push({ kind: 'id_number', start: m.index, end: m.index + token.length, text: token });
  }
  return found;
}
