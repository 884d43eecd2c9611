/**
 * The mentoring log (D3): a mentor's private, pseudonymous record of activities with mentees
 * (notes encrypted at rest, shown to their author only), and impact reports over it for funders.
 */
export { activityRoutes } from './activities.routes.ts';
export { menteeCodesOf } from './activities.service.ts';
export { notesKeyOf, openNote } from './notes-cipher.ts';
export { reportRoutes } from './report.routes.ts';
