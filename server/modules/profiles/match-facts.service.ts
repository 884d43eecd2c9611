import type { AppContext } from '../../context.ts';
import { isoNow } from '../../lib/time.ts';
import { avatarUrlOf, sortExpertise } from './profiles.presenter.ts';
import {
  listExpertiseOf,
  listLanguagesOf,
  listMatchFacts,
  updateLookingForBuddy,
} from './profiles.repository.ts';

/** What matching people (buddy pairing) reads of their profiles. */
export interface MatchFacts {
  languages: string[];
  expertise: string[];
  region: string;
  avatarUrl: string | null;
  lookingForBuddy: boolean;
  openToBuddy: boolean;
}

/**
 * The match facts of several users in three queries, by user; someone who never saved a profile
 * reads as the defaults. The caller shows them only to those who may see the network's directory.
 */
export async function getMatchFacts(ctx: AppContext, userIds: string[]): Promise<Map<string, MatchFacts>> {
  const db = ctx.database.db;
  const ids = [...new Set(userIds)];
  const [rows, languages, expertise] = await Promise.all([
    listMatchFacts(db, ids),
    listLanguagesOf(db, ids),
    listExpertiseOf(db, ids),
  ]);
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  return new Map(
    ids.map((id) => {
      const row = byUser.get(id);
      return [
        id,
        {
          languages: languages.get(id) ?? [],
          expertise: sortExpertise(expertise.get(id) ?? []),
          region: row?.region ?? '',
          avatarUrl: avatarUrlOf(id, row?.avatarKey),
          lookingForBuddy: Boolean(row?.lookingForBuddy),
          openToBuddy: Boolean(row?.openToBuddy),
        },
      ];
    }),
  );
}

/** Sets or clears "looking for a buddy" on the user's profile (e.g. once they have one). */
export function setLookingForBuddy(ctx: AppContext, userId: string, looking: boolean): Promise<void> {
  return updateLookingForBuddy(ctx.database.db, userId, looking, isoNow());
}
