/** Members: joining (invitations, applications, appointments), changing roles, removing and leaving. */
export { joiningRoutes } from './joining.routes.ts';
export { memberRoutes } from './members.routes.ts';
export {
  type AddMemberInput,
  addMember,
  admitMember,
  changeMember,
  endMembershipAsLeft,
  getLeave,
  leaveNetwork,
  setLeave,
} from './members.service.ts';
