export { officeRoutes } from './office.routes.ts';
export { updateOffice } from './office.service.ts';
