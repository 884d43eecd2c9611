export const ORGANISATION_KINDS = [
  'ngo',
  'municipality',
  'school',
  'association',
  'religious',
  'company',
  'other',
] as const;
