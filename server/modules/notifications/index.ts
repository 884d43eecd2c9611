export { notificationRoutes } from './notifications.routes.ts';
export { notify } from './notifications.service.ts';
export type { NotificationRow } from './notifications.table.ts';
export { notifyMessage, notifyReply } from './notify-recipients.ts';
