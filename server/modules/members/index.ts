export { joiningRoutes } from './joining.routes.ts';
export { memberRoutes } from './members.routes.ts';
export { addMember, leaveNetwork } from './members.service.ts';
