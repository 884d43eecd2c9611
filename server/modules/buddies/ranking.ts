import type { BuddyReason } from '../../../common/contracts/buddies.ts';
import type { ExpertiseArea } from '../../../common/expertise.ts';
import type { LanguageCode } from '../../../common/languages.ts';

/** What matching compares of a person. */
export interface MatchProfile {
  languages: string[];
  region: string;
  expertise: string[];
}

/** An experienced mentor who could be the buddy. */
export interface Candidate extends MatchProfile {
  userId: string;
  displayName: string;
  openToBuddy: boolean;
  /** Active pairings they are the buddy in now. */
  activePairs: number;
}

export interface RankedCandidate {
  candidate: Candidate;
  score: number;
  reasons: BuddyReason[];
}

/**
 * The weights: a shared language matters most (they must understand each other), then the same
 * region (they can meet), then shared expertise; saying one is open to being a buddy helps; every
 * active pairing one has already costs, so that the load spreads.
 */
export const WEIGHTS = {
  language: 4,
  extraLanguage: 1,
  region: 3,
  expertise: 2,
  openToBuddy: 2,
  perActivePair: -3,
} as const;

/** Regions are free text: compared without case, accents and surrounding space; one may contain the other. */
export function sameRegion(a: string, b: string): boolean {
  const norm = (s: string) =>
    s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const [x, y] = [norm(a), norm(b)];
  if (x.length < 2 || y.length < 2) return false;
  return x === y || x.includes(y) || y.includes(x);
}

/** A candidate's score for a beginner and the reasons behind it. */
export function scoreCandidate(beginner: MatchProfile, candidate: Candidate): RankedCandidate {
  const reasons: BuddyReason[] = [];
  let score = 0;
  const languages = candidate.languages.filter((l) => beginner.languages.includes(l));
  if (languages.length > 0) {
    score += WEIGHTS.language + WEIGHTS.extraLanguage * Math.min(languages.length - 1, 2);
    reasons.push({ code: 'shared_languages', languages: languages as LanguageCode[] });
  }
  if (sameRegion(beginner.region, candidate.region)) {
    score += WEIGHTS.region;
    reasons.push({ code: 'same_region', region: candidate.region });
  }
  const areas = candidate.expertise.filter((a) => beginner.expertise.includes(a));
  if (areas.length > 0) {
    score += WEIGHTS.expertise * Math.min(areas.length, 3);
    reasons.push({ code: 'shared_expertise', areas: areas as ExpertiseArea[] });
  }
  if (candidate.openToBuddy) {
    score += WEIGHTS.openToBuddy;
    reasons.push({ code: 'open_to_buddy' });
  }
  score += WEIGHTS.perActivePair * candidate.activePairs;
  reasons.push({ code: 'current_load', activePairs: candidate.activePairs });
  return { candidate, score, reasons };
}

/** Candidates best first: by score, then the lighter load, then by name (and id, so the order is stable). */
export function rankCandidates(beginner: MatchProfile, candidates: Candidate[]): RankedCandidate[] {
  return candidates
    .map((c) => scoreCandidate(beginner, c))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.candidate.activePairs - b.candidate.activePairs ||
        a.candidate.displayName.localeCompare(b.candidate.displayName) ||
        (a.candidate.userId < b.candidate.userId ? -1 : 1),
    );
}
