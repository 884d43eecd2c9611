import type { TFunction } from 'i18next';
import type { ModerationDecision, ReportKind, ReportReason } from '../../../../common/moderation.ts';

export function reasonLabel(t: TFunction, reason: ReportReason): string {
  const labels: Record<ReportReason, string> = {
    spam: t('moderation.reason.spam'),
    harassment: t('moderation.reason.harassment'),
    mentee_personal_data: t('moderation.reason.mentee_personal_data'),
    hate: t('moderation.reason.hate'),
    misinformation: t('moderation.reason.misinformation'),
    other: t('moderation.reason.other'),
  };
  return labels[reason];
}

export function kindLabel(t: TFunction, kind: ReportKind): string {
  const labels: Record<ReportKind, string> = {
    post: t('moderation.kind.post'),
    topic: t('moderation.kind.topic'),
    message: t('moderation.kind.message'),
    profile: t('moderation.kind.profile'),
    resource: t('moderation.kind.resource'),
  };
  return labels[kind];
}

export function decisionLabel(t: TFunction, decision: ModerationDecision): string {
  const labels: Record<ModerationDecision, string> = {
    hide: t('moderation.decision.hide'),
    restore: t('moderation.decision.restore'),
    warn: t('moderation.decision.warn'),
    suspend: t('moderation.decision.suspend'),
    dismiss: t('moderation.decision.dismiss'),
  };
  return labels[decision];
}
