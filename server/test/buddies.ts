import type { BuddyPairStatus } from '../../common/buddies.ts';
import type { NotificationKindCode } from '../../common/notifications.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';
import type { BuddyPairRow } from '../modules/buddies/index.ts';
import type { TestClient } from './client.ts';

/** Saves the signed-in user's profile through the API (defaults for what is not given). */
export async function saveProfileAs(
  client: TestClient,
  fields: {
    languages?: string[];
    expertise?: string[];
    region?: string;
    lookingForBuddy?: boolean;
    openToBuddy?: boolean;
  },
) {
  const res = await client.request('PUT', '/api/me/profile', {
    languages: [],
    expertise: [],
    region: '',
    availability: '',
    experienceLevel: null,
    bio: '',
    visibility: 'network',
    ...fields,
  });
  if (res.statusCode !== 200) throw new Error(`profile not saved: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Creates a pairing straight in its table (active by default); every field can be overridden. */
export async function buildPair(
  ctx: AppContext,
  fields: Partial<BuddyPairRow> & { networkId: string; beginnerId: string; mentorId: string | null },
): Promise<BuddyPairRow> {
  const now = isoNow();
  const status: BuddyPairStatus = fields.status ?? 'active';
  const row: BuddyPairRow = {
    id: newId(),
    status,
    origin: 'staff',
    requestedBy: null,
    note: '',
    createdAt: now,
    proposedAt: now,
    activatedAt: status === 'active' ? now : null,
    closedAt: null,
    closedBy: null,
    closeNote: '',
    closeReason: null,
    conversationId: null,
    lastReminderAt: null,
    updatedAt: now,
    ...fields,
  };
  await ctx.database.db.insertInto('buddyPairs').values(row).execute();
  return row;
}

/** A user's notifications of one kind (or all), oldest first, as stored. */
export function notificationsOf(ctx: AppContext, userId: string, kind?: NotificationKindCode) {
  let query = ctx.database.db.selectFrom('notifications').selectAll().where('userId', '=', userId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('id').execute();
}
