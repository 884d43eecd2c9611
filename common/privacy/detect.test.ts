import { describe, expect, it } from 'vitest';
import { detectPersonalData, PLACEHOLDERS, replaceAllFindings, replaceFinding } from './index.ts';

const kinds = (text: string) => detectPersonalData(text).map((f) => [f.kind, f.text]);

describe('detectPersonalData', () => {
  it('gives spans as UTF-16 offsets into the original text', () => {
    const text = '👋 Frau Yilmaz: +49 176 23456789';
    const findings = detectPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual(['name', 'phone']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads Arabic-Indic digits and keeps the original characters in the finding', () => {
    const text = 'هاتف العائلة ٠١٧٦ ٢٣٤٥٦٧٨٩ وتاريخ الميلاد ٠٣/٠٤/٢٠٠٥';
    expect(kinds(text)).toEqual([
      ['phone', '٠١٧٦ ٢٣٤٥٦٧٨٩'],
      ['birth_date', '٠٣/٠٤/٢٠٠٥'],
    ]);
  });

  it('takes an IBAN by its checksum, and a wrong one only beside the word IBAN', () => {
    expect(kinds('Konto DE89 3704 0044 0532 0130 00 bitte')).toEqual([
      ['iban', 'DE89 3704 0044 0532 0130 00'],
    ]);
    expect(kinds('Code XY12 3456 7890 1234 5678 here')).toEqual([]);
    expect(kinds('IBAN: DE88 3704 0044 0532 0130 00')).toEqual([['iban', 'DE88 3704 0044 0532 0130 00']]);
  });

  it('takes a PESEL or AMKA by its checksum without a context word, other digits only with one', () => {
    expect(kinds('To jest 98052871428.')).toEqual([['id_number', '98052871428']]);
    expect(kinds('To jest 98052871429.')).toEqual([]);
    expect(kinds('Ο ΑΦΜ του είναι 123456789.')).toEqual([['id_number', '123456789']]);
  });

  it('finds a date of birth without a year only where a birth is spoken of', () => {
    expect(kinds('Termin am 3. Mai beim Amt')).toEqual([]);
    expect(kinds('Sie hat Geburtstag am 3. Mai')).toEqual([['birth_date', '3. Mai']]);
  });

  it('leaves amounts, times, rooms and years alone', () => {
    expect(kinds('Miete 850 €, Termin 14:30 in Zimmer 3.012, seit 2019 in Köln, Linie 54.')).toEqual([]);
  });

  it('finds names from the list, after titles and after introducing words, with the surname', () => {
    expect(kinds('Gestern war Fatima Al-Hassan da.')).toEqual([['name', 'Fatima Al-Hassan']]);
    expect(kinds('Der Brief kam von Herrn Schulz? Nein, von Frau Kowalczyk.')).toEqual([
      ['name', 'Schulz'],
      ['name', 'Kowalczyk'],
    ]);
    expect(kinds('Zadzwoń do pani Oksany.')).toEqual([['name', 'Oksany']]);
    expect(kinds('My mentee Hope is worried.')).toEqual([['name', 'Hope']]);
    expect(kinds('I hope she is fine.')).toEqual([]);
  });

  it('finds places of origin in every script, also in case forms', () => {
    expect(kinds('Pochodzi z Kabulu.')).toEqual([['nationality_place', 'Kabulu']]);
    expect(kinds('Вона з Херсона.')).toEqual([['nationality_place', 'Херсона']]);
    expect(kinds('العائلة من حلب')).toEqual([['nationality_place', 'حلب']]);
  });

  it('finds nothing inside placeholders already put in', () => {
    expect(detectPersonalData('Meine Mentee [name] wohnt in der [address], Tel. [phone].')).toEqual([]);
  });
});

describe('replaceFinding', () => {
  it('puts the placeholder of the kind in place of the finding', () => {
    const text = 'Frau Yilmaz wohnt in der Goethestraße 14, 04109 Leipzig.';
    const [name, address] = detectPersonalData(text);
    expect(name && replaceFinding(text, name)).toBe(
      `Frau ${PLACEHOLDERS.name} wohnt in der Goethestraße 14, 04109 Leipzig.`,
    );
    expect(replaceAllFindings(text, detectPersonalData(text))).toBe('Frau [name] wohnt in der [address].');
    expect(address?.kind).toBe('address');
  });
});
