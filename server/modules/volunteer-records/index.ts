/**
 * Volunteer records (B6): training taken, checks seen and the commitment agreed, for the network's
 * meta-mentors and office (and the member's own view).
 */
export { volunteerRecordRoutes } from './volunteer-records.routes.ts';
