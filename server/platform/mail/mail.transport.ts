import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { newId } from '../../lib/ids.ts';

/**
 * How the log names a recipient: never the address (personal data in every log line), but a short
 * digest of it. The same address always gives the same reference, so an operator who knows an
 * address can find its mails in the log (`npm run cli -- mail-ref <address>`), and a log line read
 * on its own does not show it.
 */
export function recipientRef(address: string): string {
  return `rcpt_${createHash('sha256').update(`mentornet-mail-log:${address.trim().toLowerCase()}`).digest('hex').slice(0, 16)}`;
}

export interface OutgoingMail {
  to: string;
  /** Which mail it is (the template's name), for the log. */
  template?: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Checks that SMTP answers and accepts the login; never throws: a failure is a warning in the log. */
  verify(): Promise<boolean>;
  close(): void;
}

/** Sends over SMTP when a URL is configured; otherwise writes each mail as an .eml file to the outbox. */
export function createMailTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string;
  log: Logger;
}): MailTransport {
  const { smtpUrl, from, outboxDir, log } = options;
  // nodemailer is loaded with the first mail: most processes send none, and loading it costs every start.
  let opening: Promise<Transporter> | undefined;
  const open = (): Promise<Transporter> =>
    (opening ??= import('nodemailer').then(({ default: nodemailer }) =>
      smtpUrl
        ? nodemailer.createTransport(smtpUrl)
        : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
    ));
  // Also closes a transport that is still being opened for the first mail (one that failed to open
  // has nothing to close; its send reported the error).
  const close = () =>
    void opening?.then(
      (transporter) => transporter.close(),
      () => undefined,
    );
  if (smtpUrl) {
    return {
      async verify() {
        try {
          await (await open()).verify();
          log.info('SMTP server answers');
          return true;
        } catch (err) {
          log.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'SMTP server not usable at start (SMTP_URL): mails wait in the job queue and are retried',
          );
          return false;
        }
      },
      async send(mail) {
        const { template, ...message } = mail;
        const info = await (await open()).sendMail({ from, ...message });
        log.info(
          { recipient: recipientRef(mail.to), template, messageId: info.messageId },
          'mail sent over SMTP',
        );
      },
      close,
    };
  }
  return {
    verify: async () => true,
    async send(mail) {
      const { template, ...message } = mail;
      const info = await (await open()).sendMail({ from, ...message });
      await mkdir(outboxDir, { recursive: true });
      const file = path.join(outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${newId()}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info({ recipient: recipientRef(mail.to), template, file }, 'mail written to outbox');
    },
    close,
  };
}
