/**
 * Events (C6): meetings of a network, once or recurring, with RSVPs and a waiting list, attendance,
 * reminders, and calendar feeds; the roadmap reads meetings with recorded attendance from here.
 */
export { calendarRoutes } from './calendar.routes.ts';
export { type ComingOccurrence, listComingOccurrences } from './coming-up.service.ts';
export { eventRoutes } from './events.routes.ts';
export { getMeetingMilestones, type MeetingMilestone } from './milestones.service.ts';
export { nextPublicEvents } from './events.service.ts';
