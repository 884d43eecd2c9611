import type { TFunction } from 'i18next';
import type { GraduateStatus, ImportProblem, ImportWarning } from '../../../../common/contracts/mooc.ts';

export function graduateStatusLabel(t: TFunction, status: GraduateStatus): string {
  return {
    imported: t('mooc.status.imported'),
    invited: t('mooc.status.invited'),
    reminded: t('mooc.status.reminded'),
    joined: t('mooc.status.joined'),
    expired: t('mooc.status.expired'),
    bounced: t('mooc.status.bounced'),
  }[status];
}

export function importProblemLabel(t: TFunction, problem: ImportProblem | ImportWarning): string {
  return {
    email_missing: t('mooc.problems.email_missing'),
    email_invalid: t('mooc.problems.email_invalid'),
    name_missing: t('mooc.problems.name_missing'),
    date_invalid: t('mooc.problems.date_invalid'),
    not_completed: t('mooc.problems.not_completed'),
    duplicate_in_file: t('mooc.problems.duplicate_in_file'),
    already_imported: t('mooc.problems.already_imported'),
    already_member: t('mooc.problems.already_member'),
    language_unknown: t('mooc.problems.language_unknown'),
  }[problem];
}

/** Badge colour of a status: done, waiting, or in trouble. */
export function statusTone(status: GraduateStatus): string {
  if (status === 'joined') return 'badge badge-ok';
  if (status === 'bounced' || status === 'expired') return 'badge badge-danger';
  if (status === 'imported') return 'badge';
  return 'badge badge-warn';
}
