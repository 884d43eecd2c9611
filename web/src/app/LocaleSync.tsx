import { useEffect } from 'react';
import { useMe } from '../features/auth/api.ts';
import { changeLocale, currentLocale } from '../lib/i18n.ts';

/** Once we know who is signed in, the account's language wins over the device's. */
export function LocaleSync() {
  const { data: me } = useMe();
  const accountLocale = me?.locale;
  useEffect(() => {
    if (accountLocale && accountLocale !== currentLocale()) void changeLocale(accountLocale);
  }, [accountLocale]);
  return null;
}
