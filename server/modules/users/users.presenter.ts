import type { Me } from '../../../common/contracts/auth.ts';
import { isLocale } from '../../../common/locales.ts';
import type { UserRow } from './users.table.ts';

/** The signed-in user's own view of their account. */
export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: isLocale(user.locale) ? user.locale : 'en',
    emailVerified: user.emailVerifiedAt !== null,
    isPlatformAdmin: user.isPlatformAdmin === 1,
    createdAt: user.createdAt,
  };
}
