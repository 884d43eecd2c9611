import type { PushSubscription } from '../../../common/contracts/push.ts';
import type { PushSubscriptionRow } from './push.table.ts';

/** A subscribed device as its owner sees it: never its endpoint or keys (they are capabilities). */
export function presentPushSubscription(row: PushSubscriptionRow): PushSubscription {
  return {
    id: row.id,
    label: row.label,
    service: new URL(row.endpoint).hostname,
    createdAt: row.createdAt,
    lastPushedAt: row.lastPushedAt,
  };
}
