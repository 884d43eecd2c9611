import type { Directory, DirectoryQuery } from '../../../common/contracts/profiles.ts';
import type { AppContext } from '../../context.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { isoNow } from '../../lib/time.ts';
import type { NetworkRow } from '../networks/index.ts';
import { avatarUrlOf, sortExpertise } from './profiles.presenter.ts';
import { listDirectoryPage, listExpertiseOf, listLanguagesOf } from './profiles.repository.ts';

/**
 * One page of a network's member directory. Languages and expertise of the whole page come in one
 * query each. The caller has checked `members.view`.
 */
export async function listDirectory(
  ctx: AppContext,
  network: NetworkRow,
  query: DirectoryQuery,
): Promise<Directory> {
  const db = ctx.database.db;
  const { cursor, limit, ...filters } = query;
  const after = decodeCursor(cursor, 2)?.map(String) as [string, string] | undefined;
  const rows = await listDirectoryPage(db, network.id, filters, { after, limit: limit + 1 });
  const { page, nextCursor } = paginate(rows, limit, (r) => [r.sortName, r.userId]);
  const ids = page.map((r) => r.userId);
  const languages = await listLanguagesOf(db, ids);
  const expertise = await listExpertiseOf(db, ids);
  const today = isoNow().slice(0, 10);
  return {
    entries: page.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      role: r.role,
      level: r.level,
      languages: languages.get(r.userId) ?? [],
      expertise: sortExpertise(expertise.get(r.userId) ?? []),
      region: r.region ?? '',
      availability: r.availability ?? '',
      avatarUrl: avatarUrlOf(r.userId, r.avatarKey),
      lookingForBuddy: Boolean(r.lookingForBuddy),
      openToBuddy: Boolean(r.openToBuddy),
      leaveUntil: r.leaveUntil && r.leaveUntil >= today ? r.leaveUntil : null,
    })),
    nextCursor,
  };
}
