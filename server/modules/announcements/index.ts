/** Announcements: posted by meta-mentors and the office, pinned on the network home, mailed to all. */
export { announcementRoutes } from './announcements.routes.ts';
export { notifyAnnouncement } from './announcements.service.ts';
