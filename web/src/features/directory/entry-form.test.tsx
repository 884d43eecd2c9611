import { describe, expect, it } from 'vitest';
import { DirectoryEntryBody, type DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { ApiError } from '../../lib/api-client.ts';
import { toFormErrors } from '../../lib/form-errors.ts';
import { renderPage, translator } from '../../test-support/render.tsx';
import { EntryForm } from './EntryFormPage.tsx';
import { checkEntry, ENTRY_FIELDS, type EntryValues, entryBody } from './entry-form.ts';

const blank = Object.fromEntries(ENTRY_FIELDS.map((f) => [f, ''])) as EntryValues;
const good: EntryValues = {
  ...blank,
  name: '  Beratungsstelle Süd ',
  kind: 'association',
  country: 'DE',
  city: 'Leipzig',
  latitude: '51,3397',
  longitude: ' 12.3731',
  email: 'info@beratung.example.org',
  website: 'https://beratung.example.org',
  lastCheckedOn: '2026-11-30',
};

const entry: DirectoryEntry = {
  id: 'e1',
  source: 'curated',
  name: 'Café Welcome',
  kind: 'ngo',
  services: ['housing', 'women'],
  languages: ['ar', 'de'],
  country: 'DE',
  city: 'Leipzig',
  region: 'Sachsen',
  address: 'Burgstraße 27',
  latitude: 51.34,
  longitude: 12.37,
  email: null,
  phone: '+49 341 000000',
  website: 'https://cafe.example.org',
  openingHours: 'Mo–Fr 10–16',
  description: '',
  lastCheckedOn: '2026-11-30',
  organisation: null,
  network: null,
  distanceKm: null,
  updatedAt: '2026-12-01T09:00:00Z',
};

describe('the directory entry form', () => {
  it('names a field for every field the API takes, so that each server error has its place', () => {
    expect([...ENTRY_FIELDS].sort()).toEqual(Object.keys(DirectoryEntryBody.shape).sort());
    const refused = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid.', [
      { path: ['website'], code: 'invalid_url', message: 'Bitte gib eine Webadresse ein.' },
      { path: ['services', 2], code: 'invalid_value', message: 'Dieser Wert ist ungültig.' },
    ]);
    expect(toFormErrors(refused, ENTRY_FIELDS)).toEqual({
      fields: { website: 'Bitte gib eine Webadresse ein.', services: 'Dieser Wert ist ungültig.' },
    });
  });

  it('checks what the server checks, in the reader’s language', () => {
    const en = translator('en').t;
    expect(checkEntry(en, good)).toEqual({});
    const bad: EntryValues = {
      ...good,
      name: 'X',
      latitude: '51.3',
      longitude: '',
      email: 'info@',
      website: 'javascript:alert(1)',
      lastCheckedOn: '2026-02-30',
      phone: '1'.repeat(61),
    };
    expect(checkEntry(en, bad)).toEqual({
      name: 'Please enter at least 2 characters.',
      longitude: 'Enter both coordinates, or neither.',
      email: 'Please enter a valid e-mail address.',
      website: 'Please enter a web address that starts with http:// or https://.',
      lastCheckedOn: 'This value is not valid.',
      phone: 'Please enter at most 60 characters.',
    });
    const ar = translator('ar').t;
    const arabic = checkEntry(ar, { ...good, latitude: '95', longitude: '12' });
    expect(arabic.latitude).toBe(ar('public_directory.latitude_invalid'));
    expect(arabic.latitude).toMatch(/[\u0600-\u06ff]/);
  });

  it('sends trimmed text, empty contacts as null and typed coordinates as numbers', () => {
    const body = entryBody(translator('en').t, good, { services: ['housing'], languages: ['ar', 'de'] });
    expect(body).toEqual({
      name: 'Beratungsstelle Süd',
      kind: 'association',
      services: ['housing'],
      languages: ['ar', 'de'],
      country: 'DE',
      city: 'Leipzig',
      region: '',
      address: '',
      latitude: 51.3397,
      longitude: 12.3731,
      email: 'info@beratung.example.org',
      phone: null,
      website: 'https://beratung.example.org',
      openingHours: '',
      description: '',
      lastCheckedOn: '2026-11-30',
    });
    // What the server would take as it is.
    expect(DirectoryEntryBody.safeParse(body).success).toBe(true);
    const unplaced = entryBody(
      translator('en').t,
      { ...good, latitude: '', longitude: '' },
      {
        services: [],
        languages: [],
      },
    );
    expect(unplaced).toMatchObject({ latitude: null, longitude: null });
  });

  it('opens an entry with every value in its field', () => {
    const html = renderPage(<EntryForm entry={entry} />);
    expect(html).toContain('value="Café Welcome"');
    expect(html).toContain('value="Burgstraße 27"');
    expect(html).toContain('value="51.34"');
    expect(html).toContain('value="12.37"');
    expect(html).toContain('value="2026-11-30"');
    expect(html).toMatch(
      /name="website"[^>]*value="https:\/\/cafe.example.org"|value="https:\/\/cafe.example.org"[^>]*name="website"/,
    );
    expect(html).toContain(`checked="" value="housing"`);
    expect(html).not.toContain(`checked="" value="work"`);
    expect(html).toContain('Mo–Fr 10–16</textarea>');
    expect(html).toContain('Save entry');
    // A new entry is added, not saved over another.
    expect(renderPage(<EntryForm />)).toContain('Add entry');
  });

  it('speaks Arabic, and keeps addresses and numbers left to right', () => {
    const html = renderPage(<EntryForm entry={entry} />, 'ar');
    const ar = translator('ar').t;
    for (const key of [
      'public_directory.name_label',
      'public_directory.services_label',
      'public_directory.save_entry',
    ])
      expect(html).toContain(ar(key));
    expect(html).toMatch(/dir="ltr"[^>]*value="51.34"|value="51.34"[^>]*dir="ltr"/);
    expect(html).toMatch(/type="url"[^>]*dir="ltr"|dir="ltr"[^>]*type="url"/);
  });
});
