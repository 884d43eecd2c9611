/** The audit log: every act of moderation and administration, recorded once through recordAudit. */
export type { AuditInput } from './audit.repository.ts';
export { getNetworkAudit, recordAudit } from './audit.service.ts';
