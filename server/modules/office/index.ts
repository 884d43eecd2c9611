/** The network office: contact point, office hours and the members who staff it. */
export { officeRoutes } from './office.routes.ts';
export { updateOffice } from './office.service.ts';
