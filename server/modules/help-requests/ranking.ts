import type { HelperReason } from '../../../common/contracts/help-requests.ts';
import type { ExpertiseArea } from '../../../common/expertise.ts';
import { HELPER_BUSY_OFFERS } from '../../../common/help-requests.ts';
import type { LanguageCode } from '../../../common/languages.ts';

/** What a request asks for, and where its requester is. */
export interface HelpNeed {
  expertise: string[];
  languages: string[];
  region: string;
}

/** A member who could help. */
export interface HelperCandidate {
  userId: string;
  displayName: string;
  expertise: string[];
  languages: string[];
  region: string;
  availability: string;
  experienced: boolean;
  /** Resolved requests of this network they responded to. */
  helpedBefore: number;
  /** Open offers on requests not resolved. */
  openOffers: number;
}

export interface RankedHelper {
  candidate: HelperCandidate;
  score: number;
  reasons: HelperReason[];
  busy: boolean;
}

/**
 * The weights: shared expertise matters most (it is what the request is about), then a shared
 * language, then the same region; saying when one is available, being experienced and having
 * helped before add a little; every open offer costs, and HELPER_BUSY_OFFERS or more put one last.
 */
export const HELPER_WEIGHTS = {
  expertise: 4,
  language: 3,
  extraLanguage: 1,
  region: 2,
  available: 1,
  experienced: 1,
  helpedBefore: 1,
  perOpenOffer: -1,
} as const;

const norm = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Free-text regions compared without case, accents and surrounding space; one may contain the other. */
export function sameRegion(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)];
  if (x.length < 2 || y.length < 2) return false;
  return x === y || x.includes(y) || y.includes(x);
}

export function scoreHelper(need: HelpNeed, c: HelperCandidate): RankedHelper {
  const W = HELPER_WEIGHTS;
  const reasons: HelperReason[] = [];
  let score = 0;
  const areas = c.expertise.filter((a) => need.expertise.includes(a));
  if (areas.length > 0) {
    score += W.expertise * Math.min(areas.length, 3);
    reasons.push({ code: 'shared_expertise', areas: areas as ExpertiseArea[] });
  }
  const languages = c.languages.filter((l) => need.languages.includes(l));
  if (languages.length > 0) {
    score += W.language + W.extraLanguage * Math.min(languages.length - 1, 2);
    reasons.push({ code: 'shared_languages', languages: languages as LanguageCode[] });
  }
  if (sameRegion(need.region, c.region)) {
    score += W.region;
    reasons.push({ code: 'same_region', region: c.region });
  }
  if (c.availability.trim()) {
    score += W.available;
    reasons.push({ code: 'available', availability: c.availability.trim() });
  }
  if (c.experienced) {
    score += W.experienced;
    reasons.push({ code: 'experienced' });
  }
  if (c.helpedBefore > 0) {
    score += W.helpedBefore * Math.min(c.helpedBefore, 3);
    reasons.push({ code: 'helped_before', resolvedCount: c.helpedBefore });
  }
  score += W.perOpenOffer * c.openOffers;
  reasons.push({ code: 'open_offers', count: c.openOffers });
  return { candidate: c, score, reasons, busy: c.openOffers >= HELPER_BUSY_OFFERS };
}

/** Helpers best first: the busy ones last, then by score, lighter load, name and id (a stable order). */
export function rankHelpers(need: HelpNeed, candidates: HelperCandidate[]): RankedHelper[] {
  return candidates
    .map((c) => scoreHelper(need, c))
    .sort(
      (a, b) =>
        Number(a.busy) - Number(b.busy) ||
        b.score - a.score ||
        a.candidate.openOffers - b.candidate.openOffers ||
        a.candidate.displayName.localeCompare(b.candidate.displayName) ||
        (a.candidate.userId < b.candidate.userId ? -1 : 1),
    );
}
