/**
 * Role progression and succession (B5) and nudges (D2): suggestions for a member's next step with
 * their reasons, the ranked successors of the meta-mentor and the named deputy, and the nudges that
 * bring drifting members back (through the notifications and their daily digest), logged for staff.
 */
export { isDrifting, runNudges } from './nudges.service.ts';
export { progressionRoutes } from './progression.routes.ts';
export { deputyOf, getSuccession, hasDeputy } from './progression.service.ts';
