/**
 * The kinds of personal data the privacy check of case consultations looks for, and the
 * placeholders that replace them. Plain constants: the web app imports them without the detector.
 */
export const PRIVACY_KINDS = [
  'name',
  'birth_date',
  'phone',
  'email',
  'address',
  'id_number',
  'iban',
  'nationality_place',
] as const;
export type PrivacyKind = (typeof PRIVACY_KINDS)[number];

/** One piece of personal data in a text: its kind and where it is (UTF-16 offsets, end exclusive). */
export interface Finding {
  kind: PrivacyKind;
  start: number;
  end: number;
  text: string;
}

/**
 * What a finding is replaced with. The same in every language, so that a reader of any language
 * (and the detector itself) recognises a placeholder as one.
 */
export const PLACEHOLDERS: Record<PrivacyKind, string> = {
  name: '[name]',
  birth_date: '[date]',
  phone: '[phone]',
  email: '[email]',
  address: '[address]',
  id_number: '[id number]',
  iban: '[iban]',
  nationality_place: '[place]',
};

/** The longest text the check takes (a long case description, with room to spare). */
export const PRIVACY_CHECK_MAX_CHARS = 20_000;

/** The text with one finding replaced by its placeholder. */
export function replaceFinding(text: string, finding: Pick<Finding, 'kind' | 'start' | 'end'>): string {
  return text.slice(0, finding.start) + PLACEHOLDERS[finding.kind] + text.slice(finding.end);
}

/** The text with every finding replaced (findings must not overlap, as detectPersonalData gives them). */
export function replaceAllFindings(
  text: string,
  findings: readonly Pick<Finding, 'kind' | 'start' | 'end'>[],
): string {
  return [...findings].sort((a, b) => b.start - a.start).reduce((t, f) => replaceFinding(t, f), text);
}
