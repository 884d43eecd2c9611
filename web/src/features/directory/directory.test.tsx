import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../../../common/contracts/directory.ts';
import { exportUrl } from './api.ts';
import { filtersFromParams } from './DirectoryPage.tsx';
import { EntryCard } from './EntryCard.tsx';
import { renderPage as render } from '../../test-support/render.tsx';

const entry: DirectoryEntry = {
  id: 'e1',
  source: 'curated',
  name: 'Flüchtlingsrat Musterstadt',
  kind: 'ngo',
  services: ['legal_asylum', 'women'],
  languages: ['ar', 'de'],
  country: 'DE',
  city: 'Musterstadt',
  region: '',
  address: '',
  latitude: 52.5,
  longitude: 13.4,
  email: null,
  phone: null,
  website: null,
  openingHours: '',
  description: '',
  lastCheckedOn: null,
  organisation: null,
  network: null,
  distanceKm: 3.4,
  updatedAt: '2026-12-01T09:00:00Z',
};

describe('the public directory in the web app', () => {
  it('shows an entry with its link, kind, place, distance, services and languages', () => {
    const html = render(<EntryCard entry={entry} />);
    expect(html).toContain('href="/directory/e1"');
    expect(html).toContain('<bdi dir="auto">Flüchtlingsrat Musterstadt</bdi>');
    expect(html).toContain('Non-profit organisation');
    expect(html).toContain('\u2068Musterstadt\u2069, Germany');
    expect(html).toContain('3 km away');
    expect(html).toContain('Legal advice and asylum, Women');
    expect(html).toContain('Arabic, German');
  });

  it('speaks Arabic with the entry name isolated', () => {
    const html = render(<EntryCard entry={entry} />, 'ar');
    expect(html).toContain('المساعدة القانونية واللجوء');
    // Lists are joined as Arabic joins them.
    expect(html).toContain('العربية والألمانية');
    expect(html).toContain('<bdi dir="auto">Flüchtlingsrat Musterstadt</bdi>');
  });

  it('keeps filters in the address and exports without the location', () => {
    const filters = filtersFromParams(
      new URLSearchParams('text=%20asyl%20&service=housing&lat=52.5&lng=13.4&x=1'),
    );
    expect(filters).toEqual({ text: 'asyl', service: 'housing', lat: '52.5', lng: '13.4' });
    expect(exportUrl(filters, 'csv')).toBe('/api/directory/export?text=asyl&service=housing&format=csv');
  });
});
