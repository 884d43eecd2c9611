import type { TFunction } from 'i18next';
import type { AuditEventCode } from '../../../../common/audit-events.ts';
import { roleLabel } from '../../lib/labels.ts';
import type { AuditPage } from './api.ts';

type Entry = AuditPage['entries'][number];

/** The sentence of each audit event; every code the server writes has one (see audit-events.ts). */
const SENTENCES: Record<AuditEventCode, string> = {
  'network.founded': 'audit.events.network.founded',
  'network.edited': 'audit.events.network.edited',
  'network.phase_changed': 'audit.events.network.phase_changed',
  'network.organisation_added': 'audit.events.network.organisation_added',
  'network.organisation_removed': 'audit.events.network.organisation_removed',
  'network.join_requested': 'audit.events.network.join_requested',
  'network.join_approved': 'audit.events.network.join_approved',
  'network.join_declined': 'audit.events.network.join_declined',
  'partnership.requested': 'audit.events.partnership.requested',
  'partnership.accepted': 'audit.events.partnership.accepted',
  'partnership.declined': 'audit.events.partnership.declined',
  'partnership.ended': 'audit.events.partnership.ended',
  'organisation.created': 'audit.events.organisation.created',
  'organisation.verified': 'audit.events.organisation.verified',
  'organisation.unverified': 'audit.events.organisation.unverified',
  'organisation.admin_added': 'audit.events.organisation.admin_added',
  'organisation.admin_removed': 'audit.events.organisation.admin_removed',
  'member.joined': 'audit.events.member.joined',
  'member.left': 'audit.events.member.left',
  'member.removed': 'audit.events.member.removed',
  'member.role_changed': 'audit.events.member.role_changed',
  'invitation.created': 'audit.events.invitation.created',
  'invitation.revoked': 'audit.events.invitation.revoked',
  'application.created': 'audit.events.application.created',
  'application.approved': 'audit.events.application.approved',
  'application.declined': 'audit.events.application.declined',
  'application.withdrawn': 'audit.events.application.withdrawn',
  'document.published': 'audit.events.document.published',
  'documents.accepted': 'audit.events.documents.accepted',
  'office.updated': 'audit.events.office.updated',
  'buddy.proposed': 'audit.events.buddy.proposed',
  'buddy.ended': 'audit.events.buddy.ended',
  'buddy.withdrawn': 'audit.events.buddy.withdrawn',
  'goal.created': 'audit.events.goal.created',
  'goal.archived': 'audit.events.goal.archived',
  'goal.restored': 'audit.events.goal.restored',
  'roadmap.step_ticked': 'audit.events.roadmap.step_ticked',
  'roadmap.step_unticked': 'audit.events.roadmap.step_unticked',
  'mooc.session_created': 'audit.events.mooc.session_created',
  'mooc.graduates_imported': 'audit.events.mooc.graduates_imported',
  'mooc.invitations_sent': 'audit.events.mooc.invitations_sent',
  'mooc.reminders_sent': 'audit.events.mooc.reminders_sent',
  'mooc.graduate_bounced': 'audit.events.mooc.graduate_bounced',
  'mooc.graduate_joined': 'audit.events.mooc.graduate_joined',
  'event.created': 'audit.events.event.created',
  'event.updated': 'audit.events.event.updated',
  'event.cancelled': 'audit.events.event.cancelled',
  'event.deleted': 'audit.events.event.deleted',
  'event.attendance_recorded': 'audit.events.event.attendance_recorded',
  'announcement.posted': 'audit.events.announcement.posted',
  'announcement.pinned': 'audit.events.announcement.pinned',
  'announcement.unpinned': 'audit.events.announcement.unpinned',
  'space.created': 'audit.events.space.created',
  'space.changed': 'audit.events.space.changed',
  'topic.moderated': 'audit.events.topic.moderated',
  'topic.deleted': 'audit.events.topic.deleted',
  'post.deleted': 'audit.events.post.deleted',
  'help.created': 'audit.events.help.created',
  'help.resolved': 'audit.events.help.resolved',
  'help.reopened': 'audit.events.help.reopened',
  'help.removed': 'audit.events.help.removed',
  'deputy.named': 'audit.events.deputy.named',
  'resource.reverted': 'audit.events.resource.reverted',
  'resource.deleted': 'audit.events.resource.deleted',
  'resource.settings_changed': 'audit.events.resource.settings_changed',
  'content.hidden': 'audit.events.content.hidden',
  'content.restored': 'audit.events.content.restored',
  'member.warned': 'audit.events.member.warned',
  'member.suspended': 'audit.events.member.suspended',
  'report.dismissed': 'audit.events.report.dismissed',
  'health.settings_changed': 'audit.events.health.settings_changed',
  'records.leave_set': 'audit.events.records.leave_set',
  'records.returned': 'audit.events.records.returned',
  'records.departure': 'audit.events.records.departure',
  'records.purged': 'audit.events.records.purged',
  'records.settings_changed': 'audit.events.records.settings_changed',
  'records.training_added': 'audit.events.records.training_added',
  'records.training_corrected': 'audit.events.records.training_corrected',
  'records.training_removed': 'audit.events.records.training_removed',
  'records.check_added': 'audit.events.records.check_added',
  'records.check_corrected': 'audit.events.records.check_corrected',
  'records.check_removed': 'audit.events.records.check_removed',
  'records.commitment_set': 'audit.events.records.commitment_set',
  'records.commitment_cleared': 'audit.events.records.commitment_cleared',
  'member.erased': 'audit.events.member.erased',
  'network.handed_over': 'audit.events.network.handed_over',
  'platform.second_factor_required': 'audit.events.platform.second_factor_required',
  'platform.second_factor_optional': 'audit.events.platform.second_factor_optional',
  'platform.privacy_published': 'audit.events.platform.privacy_published',
  'platform.terms_published': 'audit.events.platform.terms_published',
  'account.passkey_added': 'audit.events.account.passkey_added',
  'account.passkey_removed': 'audit.events.account.passkey_removed',
};

/** A member who joined is told by how they came: invitation, application or appointment. */
const JOINED: Record<string, string> = {
  invitation: 'audit.events.member.joined_invitation',
  application: 'audit.events.member.joined_application',
  appointment: 'audit.events.member.joined_appointment',
};

/** User-written text (names, titles) keeps its own direction inside the sentence (Unicode isolates). */
const isolate = (text: string) => `\u2068${text}\u2069`;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const roleIn = (value: unknown) =>
  value && typeof value === 'object' && 'role' in value ? text((value as { role: unknown }).role) : '';

/** The sentence key of an entry; unknown codes (from a newer server) fall back to the code itself. */
export function auditSentenceKey(entry: Pick<Entry, 'action' | 'details'>): string | null {
  if (entry.action === 'member.joined') return JOINED[text(entry.details.via)] ?? SENTENCES['member.joined'];
  return (SENTENCES as Record<string, string>)[entry.action] ?? null;
}

/**
 * An audit entry as one sentence in the reader's language naming who acted and on whom: the
 * member who accepts an invitation is the one who joined (not the inviter).
 */
export function auditSentence(t: TFunction, entry: Entry): string {
  const key = auditSentenceKey(entry);
  if (!key) return entry.action;
  const someone = t('audit.someone');
  const d = entry.details;
  const role = entry.action === 'member.role_changed' ? roleIn(d.to) : text(d.role);
  return t(key, {
    actor: isolate(entry.actor?.displayName || someone),
    subject: isolate(entry.subject?.displayName || entry.actor?.displayName || someone),
    role: role ? roleLabel(t, role) : '',
    title: isolate(text(d.title) || text(d.name)),
    version: typeof d.version === 'number' ? d.version : '',
  });
}
