export { insertAudit } from './audit.repository.ts';
export { getNetworkAudit } from './audit.service.ts';
