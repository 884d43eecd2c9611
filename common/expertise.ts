/** Expertise areas of mentors and services of organisations; names are in the catalogues under `expertise.<area>`. */
export const EXPERTISE_AREAS = [
  'asylum_residence',
  'housing',
  'work',
  'language_learning',
  'education',
  'health',
  'family',
  'benefits',
  'everyday_life',
  'digital_skills',
  'legal_advice',
  'psychosocial_support',
  'children_youth',
  'translation',
] as const;
export type ExpertiseArea = (typeof EXPERTISE_AREAS)[number];
