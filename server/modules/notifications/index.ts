/**
 * Notifications: in-app notifications (realtime to the recipient's room), their e-mail (at once or
 * in the daily digest) and the unsubscribe link. Other features tell people through notify*.
 */
export { notificationRoutes } from './notifications.routes.ts';
export { sendHeldMail } from './notifications.service.ts';
export type { NotificationRow } from './notifications.table.ts';
export { type NotifyInput, notify, notifyMany } from './notify.service.ts';
export { notifyMessage, notifyReply } from './notify-recipients.ts';
