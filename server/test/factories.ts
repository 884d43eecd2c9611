import type { Locale } from '../../common/locales.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';
import { hashPassword } from '../modules/auth/password.ts';
import type { OutgoingMail } from '../modules/mail/mail.transport.ts';
import { insertUser } from '../modules/users/users.repository.ts';
import type { UserRow } from '../modules/users/users.table.ts';

export const DEFAULT_PASSWORD = 'violet-harbour-lantern';
let counter = 0;

/** Creates a verified user; every field can be overridden. */
export async function buildUser(
  ctx: AppContext,
  overrides: Partial<UserRow> & { password?: string } = {},
): Promise<UserRow & { password: string }> {
  const { password = DEFAULT_PASSWORD, ...fields } = overrides;
  counter += 1;
  const now = isoNow();
  const user: UserRow = {
    id: newId(),
    email: `mentor${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(password, ctx.config.passwordCost),
    displayName: `Test Mentor ${counter}`,
    locale: 'en' satisfies Locale,
    isPlatformAdmin: 0,
    suspendedAt: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await insertUser(ctx.database.db, user);
  return { ...user, password };
}

/** Queued mails to an address, newest first (rendered, as the transport will get them). */
export async function mailsTo(ctx: AppContext, to: string): Promise<OutgoingMail[]> {
  const jobs = await ctx.database.db
    .selectFrom('jobs')
    .select(['payload', 'createdAt', 'id'])
    .where('kind', '=', 'mail.send')
    .orderBy('id', 'desc')
    .execute();
  return jobs.map((j) => JSON.parse(j.payload) as OutgoingMail).filter((m) => m.to === to);
}

/** The token in the first link of a mail (verification, reset). */
export function tokenFrom(mail: OutgoingMail | undefined): string {
  const match = mail?.text.match(/token=([A-Za-z0-9_%-]+)/);
  if (!match?.[1]) throw new Error('no token link in mail');
  return decodeURIComponent(match[1]);
}
