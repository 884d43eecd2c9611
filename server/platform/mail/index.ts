export { createMailer, type Mailer } from './mail.service.ts';
export type { NotificationMailItem } from './mail.templates.ts';
export {
  createMailTransport,
  type MailTransport,
  type OutgoingMail,
  recipientRef,
} from './mail.transport.ts';
