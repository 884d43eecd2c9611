/**
 * Push subscriptions are personal: only the person who subscribed a device sees it, changes its
 * settings or removes it; everyone else is answered as if it did not exist (404), admins too.
 */
export function canManagePushSubscription(viewerId: string, ownerId: string): boolean {
  return viewerId === ownerId;
}
