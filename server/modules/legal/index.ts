/** Consent (issue 21): the platform's privacy notice and terms of use, versioned, and who accepted which. */
export { legalRoutes } from './legal.routes.ts';
export { assertSignUpAcceptance, recordSignUpAcceptance } from './legal.service.ts';
