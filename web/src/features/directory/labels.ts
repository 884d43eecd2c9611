import type { TFunction } from 'i18next';
import type { DirectoryKind, DirectoryService } from '../../../../common/directory.ts';

// Literal keys, so the catalogue check sees every one of them used.
const SERVICE_KEYS: Record<DirectoryService, string> = {
  counselling: 'public_directory.service.counselling',
  legal_asylum: 'public_directory.service.legal_asylum',
  housing: 'public_directory.service.housing',
  work: 'public_directory.service.work',
  language_courses: 'public_directory.service.language_courses',
  education: 'public_directory.service.education',
  health: 'public_directory.service.health',
  psychosocial: 'public_directory.service.psychosocial',
  women: 'public_directory.service.women',
  children_families: 'public_directory.service.children_families',
  lgbtqi: 'public_directory.service.lgbtqi',
  benefits: 'public_directory.service.benefits',
  everyday_life: 'public_directory.service.everyday_life',
  interpreting: 'public_directory.service.interpreting',
};

export function serviceLabel(t: TFunction, service: string): string {
  const key = SERVICE_KEYS[service as DirectoryService];
  return key ? t(key) : service;
}

const KIND_KEYS: Record<DirectoryKind, string> = {
  ngo: 'organisations.kinds.ngo',
  municipality: 'organisations.kinds.municipality',
  school: 'organisations.kinds.school',
  association: 'organisations.kinds.association',
  religious: 'organisations.kinds.religious',
  company: 'organisations.kinds.company',
  other: 'organisations.kinds.other',
  network: 'public_directory.kind_network',
};

export function kindLabel(t: TFunction, kind: string): string {
  const key = KIND_KEYS[kind as DirectoryKind];
  return key ? t(key) : kind;
}
