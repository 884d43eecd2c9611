import { describe, expect, it } from 'vitest';
import { type HelperCandidate, rankHelpers, sameRegion } from './ranking.ts';

const candidate = (over: Partial<HelperCandidate>): HelperCandidate => ({
  userId: over.displayName ?? 'x',
  displayName: 'x',
  expertise: [],
  languages: [],
  region: '',
  availability: '',
  experienced: false,
  helpedBefore: 0,
  openOffers: 0,
  ...over,
});
const need = { expertise: ['housing', 'work'], languages: ['ar'], region: 'Leipzig' };

describe('helper ranking', () => {
  it('puts shared expertise first, then languages and region, with the reasons in that order', () => {
    const ranked = rankHelpers(need, [
      candidate({ displayName: 'Lang', languages: ['ar'], region: 'Leipzig' }),
      candidate({ displayName: 'Expert', expertise: ['housing', 'work'] }),
      candidate({ displayName: 'None' }),
    ]);
    expect(ranked.map((r) => r.candidate.displayName)).toEqual(['Expert', 'Lang', 'None']);
    expect(ranked[0]?.reasons).toEqual([
      { code: 'shared_expertise', areas: ['housing', 'work'] },
      { code: 'open_offers', count: 0 },
    ]);
    expect(ranked[1]?.reasons.map((r) => r.code)).toEqual(['shared_languages', 'same_region', 'open_offers']);
  });

  it('adds availability, experience and help given before; open offers cost; busy ones go last', () => {
    const ranked = rankHelpers(need, [
      candidate({ displayName: 'Busy', expertise: ['housing', 'work'], languages: ['ar'], openOffers: 3 }),
      candidate({ displayName: 'Plain', expertise: ['housing'] }),
      candidate({
        displayName: 'Seasoned',
        expertise: ['housing'],
        availability: 'Evenings',
        experienced: true,
        helpedBefore: 2,
      }),
      candidate({ displayName: 'Loaded', expertise: ['housing'], openOffers: 1 }),
    ]);
    expect(ranked.map((r) => r.candidate.displayName)).toEqual(['Seasoned', 'Plain', 'Loaded', 'Busy']);
    expect(ranked[0]?.reasons).toEqual([
      { code: 'shared_expertise', areas: ['housing'] },
      { code: 'available', availability: 'Evenings' },
      { code: 'experienced' },
      { code: 'helped_before', resolvedCount: 2 },
      { code: 'open_offers', count: 0 },
    ]);
    expect(ranked.at(-1)?.busy).toBe(true);
  });

  it('compares regions loosely', () => {
    expect(sameRegion('Leipzig', ' leipzig ')).toBe(true);
    expect(sameRegion('Région Île-de-France', 'ile-de-france')).toBe(true);
    expect(sameRegion('Berlin', 'Hamburg')).toBe(false);
    expect(sameRegion('', '')).toBe(false);
  });
});
