import { loadConfig } from '../../server/config.ts';
import { createContext } from '../../server/context.ts';
import { createLogger } from '../../server/logger.ts';
import { startSession } from '../../server/platform/sessions/index.ts';

/**
 * Opens sessions for many members of one network directly in the database (signing in 1,000 users
 * over HTTP would measure scrypt, not realtime). Returns their session tokens.
 */
export async function openMemberSessions(
  env: Record<string, string>,
  networkSlug: string,
  count: number,
): Promise<string[]> {
  return (await openMemberSessionsOf(env, networkSlug, count)).map((s) => s.token);
}

/** The same, with each member's user id beside the session token. */
export async function openMemberSessionsOf(
  env: Record<string, string>,
  networkSlug: string,
  count: number,
): Promise<{ userId: string; token: string }[]> {
  const ctx = createContext(
    loadConfig({ ...env, LOG_LEVEL: 'silent' }),
    createLogger({ logLevel: 'silent' }),
  );
  try {
    const rows = await ctx.database.db
      .selectFrom('memberships as m')
      .innerJoin('networks as n', 'n.id', 'm.networkId')
      .select('m.userId')
      .where('n.slug', '=', networkSlug)
      .where('m.status', '=', 'active')
      .orderBy('m.userId')
      .limit(count)
      .execute();
    const sessions: { userId: string; token: string }[] = [];
    for (const row of rows) {
      const { token } = await startSession(ctx, row.userId, { ip: '127.0.0.1', userAgent: 'bench' });
      sessions.push({ userId: row.userId, token });
    }
    return sessions;
  } finally {
    await ctx.close();
  }
}
