/** The audit log: every act of moderation and administration, recorded once through recordAudit. */
export { type AuditInput, getNetworkAudit, recordAudit } from './audit.service.ts';
