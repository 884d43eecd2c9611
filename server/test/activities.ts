import type { ActivityKind } from '../../common/activities.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';

/** An activity stored directly (without a note), for reports over many of them. */
export async function buildActivity(
  ctx: AppContext,
  fields: {
    networkId: string;
    userId: string;
    date: string;
    minutes?: number;
    kind?: ActivityKind;
    topics?: string[];
    menteeCode?: string;
  },
): Promise<string> {
  const id = newId();
  const now = isoNow();
  await ctx.database.db
    .insertInto('activities')
    .values({
      id,
      networkId: fields.networkId,
      userId: fields.userId,
      occurredOn: fields.date,
      durationMinutes: fields.minutes ?? 60,
      kind: fields.kind ?? 'meeting',
      topics: JSON.stringify(fields.topics ?? []),
      menteeCode: fields.menteeCode ?? 'M1',
      noteSealed: null,
      privacyConfirmedAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}
