import type { Locale } from '../../../common/locales.ts';
import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { isoNow } from '../../lib/time.ts';
import { hashPassword } from '../auth/password.ts';
import { findUserByEmail, insertUser } from '../users/users.repository.ts';

/** Every demo account uses this password; it is printed by the CLI and is for local demos only. */
export const DEMO_PASSWORD = 'demo-mentornet-2026';

/** Clearly fictional people on the reserved example.org domain; later features add their data. */
export const DEMO_USERS: { email: string; displayName: string; locale: Locale; admin?: boolean }[] = [
  { email: 'admin@demo.example.org', displayName: 'Demo Platform Admin', locale: 'en', admin: true },
  { email: 'meta.mentor@demo.example.org', displayName: 'Mira Meta (demo)', locale: 'de' },
  { email: 'office@demo.example.org', displayName: 'Otto Office (demo)', locale: 'de' },
  { email: 'mentor.experienced@demo.example.org', displayName: 'Elena Experienced (demo)', locale: 'it' },
  { email: 'mentor.beginner@demo.example.org', displayName: 'Bogdan Beginner (demo)', locale: 'pl' },
  { email: 'mentor.arabic@demo.example.org', displayName: 'Amal Mentor (demo)', locale: 'ar' },
  { email: 'mentor.greek@demo.example.org', displayName: 'Eleni Mentor (demo)', locale: 'el' },
  { email: 'mentor.ukrainian@demo.example.org', displayName: 'Olena Mentor (demo)', locale: 'uk' },
];

/** Creates the demo accounts that are missing; running it twice changes nothing. Returns how many were new. */
export async function seedDemo(ctx: AppContext): Promise<{ created: number; total: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, ctx.config.passwordCost);
  let created = 0;
  for (const demo of DEMO_USERS) {
    if (await findUserByEmail(ctx.database.db, demo.email)) continue;
    const now = isoNow();
    const inserted = await insertUser(ctx.database.db, {
      id: newId(),
      email: demo.email,
      emailVerifiedAt: now,
      passwordHash,
      displayName: demo.displayName,
      locale: demo.locale,
      isPlatformAdmin: demo.admin ? 1 : 0,
      suspendedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    if (inserted) created += 1;
  }
  return { created, total: DEMO_USERS.length };
}
