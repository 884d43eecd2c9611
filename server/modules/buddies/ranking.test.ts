import { describe, expect, it } from 'vitest';
import { type Candidate, rankCandidates, sameRegion, scoreCandidate, WEIGHTS } from './ranking.ts';

const candidate = (overrides: Partial<Candidate>): Candidate => ({
  userId: 'u',
  displayName: 'Someone',
  languages: [],
  region: '',
  expertise: [],
  openToBuddy: false,
  activePairs: 0,
  ...overrides,
});
const beginner = {
  languages: ['ar', 'de', 'en', 'fr'],
  region: 'Leipzig-Grünau',
  expertise: ['housing', 'work', 'health', 'family'],
};

describe('buddy ranking', () => {
  it('compares regions without case, accents and spacing, one inside the other', () => {
    expect(sameRegion('Leipzig', ' leipzig ')).toBe(true);
    expect(sameRegion('Leipzig-Grünau', 'leipzig')).toBe(true);
    expect(sameRegion('Kraków', 'krakow')).toBe(true);
    expect(sameRegion('Leipzig', 'Berlin')).toBe(false);
    expect(sameRegion('', '')).toBe(false);
    expect(sameRegion('L', 'Leipzig')).toBe(false);
  });

  it('weighs languages most, caps extra languages and expertise, and lets load cost', () => {
    const all = scoreCandidate(
      beginner,
      candidate({
        languages: ['ar', 'de', 'en', 'fr'],
        region: 'Leipzig',
        expertise: ['housing', 'work', 'health', 'family'],
        openToBuddy: true,
        activePairs: 1,
      }),
    );
    expect(all.score).toBe(
      WEIGHTS.language +
        2 * WEIGHTS.extraLanguage +
        WEIGHTS.region +
        3 * WEIGHTS.expertise +
        WEIGHTS.openToBuddy +
        WEIGHTS.perActivePair,
    );
    expect(all.reasons.map((r) => r.code)).toEqual([
      'shared_languages',
      'same_region',
      'shared_expertise',
      'open_to_buddy',
      'current_load',
    ]);
    expect(scoreCandidate(beginner, candidate({})).reasons).toEqual([
      { code: 'current_load', activePairs: 0 },
    ]);
  });

  it('orders by score, then the lighter load, then by name', () => {
    const ranked = rankCandidates(beginner, [
      candidate({ userId: 'c', displayName: 'Cleo', languages: ['de'], activePairs: 0 }),
      candidate({ userId: 'b', displayName: 'Bo', languages: ['de'], region: 'Leipzig', activePairs: 1 }),
      candidate({ userId: 'a', displayName: 'Ana', languages: ['de'] }),
      candidate({ userId: 'z', displayName: 'Zed' }),
    ]);
    // Bo: 4 + 3 - 3 = 4, like Ana and Cleo; with one active pairing Bo comes after them.
    expect(ranked.map((r) => r.candidate.displayName)).toEqual(['Ana', 'Cleo', 'Bo', 'Zed']);
  });
});
