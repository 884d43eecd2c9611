/** The platform's legal texts that people accept (PRODUCT F4, consent). */
export const LEGAL_KINDS = ['privacy', 'terms'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

export const LEGAL_BODY_MAX = 100_000;
export const LEGAL_SUMMARY_MAX = 300;
