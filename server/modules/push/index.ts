/**
 * Web Push (C7): the instance's VAPID keys, each person's subscribed devices and push settings,
 * and sending an encrypted push to a person's devices. The notifications module decides what to
 * push and when (see notifications/notification-push.ts).
 */
export { pushRoutes } from './push.routes.ts';
export type { PushOptions } from './push.sender.ts';
export {
  hasPushDevices,
  type PushMessage,
  pushToDevices,
  pushWindow,
  withPushDevices,
} from './push.service.ts';
