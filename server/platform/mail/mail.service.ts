import type { Locale } from '../../../common/locales.ts';
import type { JobQueue } from '../jobs/index.ts';
import { type MailSite, type MailTemplate, renderMail } from './mail.templates.ts';
import type { MailTransport, OutgoingMail } from './mail.transport.ts';

export const MAIL_JOB = 'mail.send';

export interface SendOptions {
  /** Extra headers, e.g. List-Unsubscribe on notification mails. */
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Renders a mail in the recipient's language and queues it; delivery retries with backoff. */
  send(to: string, locale: Locale, template: MailTemplate, options?: SendOptions): Promise<void>;
}

/** Wires the mail job to the transport and returns the mailer the services use. */
export function createMailer(jobs: JobQueue, transport: MailTransport, site: MailSite): Mailer {
  jobs.handle(MAIL_JOB, async (payload) => transport.send(payload as OutgoingMail));
  return {
    async send(to, locale, template, options) {
      const rendered = renderMail(locale, template, site);
      const mail: OutgoingMail = {
        to,
        template: template.name,
        ...rendered,
        ...(options?.headers && { headers: options.headers }),
      };
      await jobs.enqueue(MAIL_JOB, mail, { maxAttempts: 10 });
    },
  };
}
