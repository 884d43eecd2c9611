export { insertAnnouncement } from './announcements.repository.ts';
export { announcementRoutes } from './announcements.routes.ts';
export { notifyAnnouncement } from './announcements.service.ts';
