/**
 * The privacy check of case consultations: personal data in a case text, found by the detector
 * shared with the web app (common/privacy). The help-request module calls checkCaseText when a
 * case consultation is posted.
 */

export { presentPrivacyCheck } from './privacy.presenter.ts';
export { privacyRoutes } from './privacy.routes.ts';
export { checkCaseText, hasPersonalData } from './privacy.service.ts';
