import { useSyncExternalStore } from 'react';

/**
 * What a sign-in has to tell beyond "you are in" (today: that it cancelled the deletion of the
 * account). Kept outside the router: the sign-in page and its guard both move on to another page,
 * and a navigation's state would be lost to whichever comes second. Stays until dismissed.
 */
export type SignInNotice = 'deletion_cancelled';

let notice: SignInNotice | null = null;
const listeners = new Set<() => void>();

export function setSignInNotice(next: SignInNotice | null): void {
  notice = next;
  for (const listener of listeners) listener();
}

export function useSignInNotice(): SignInNotice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notice,
  );
}
