/** The person's own data (GDPR Art. 15, 17, 20): export as a zip, deletion with a grace period, erasure. */
export { accountDataRoutes } from './account-data.routes.ts';
