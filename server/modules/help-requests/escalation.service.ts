import { HELP_ESCALATION_HOURS_MIN } from '../../../common/help-requests.ts';
import { takesPart } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { HOUR, isoNow } from '../../lib/time.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import { getStandings } from '../networks/index.ts';
import { tellAboutRequest } from './help-requests.service.ts';

/** The hourly job that escalates requests left unanswered; each run schedules the next. */
export const ESCALATION_JOB = 'help.escalations';
const BATCH = 200;

export async function startHelpJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.handle(ESCALATION_JOB, async () => {
    await runEscalations(ctx);
    await scheduleEscalations(ctx, ['pending']);
  });
  await scheduleEscalations(ctx, ['pending', 'running']);
}

async function scheduleEscalations(ctx: AppContext, statuses: JobStatus[]): Promise<void> {
  const waiting = await ctx.database.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', ESCALATION_JOB)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  if (waiting) return;
  await ctx.jobs.enqueue(ESCALATION_JOB, {}, { runAt: isoNow(Date.now() + HOUR) });
}

/**
 * Tells the meta-mentors and office of a network (those who take part) about each of its requests
 * open without any response for longer than the network's escalation hours, once: the request's
 * escalation time is claimed before anyone is told, so a repeated run tells nobody twice. Returns
 * how many requests escalated.
 */
export async function runEscalations(ctx: AppContext, now = Date.now()): Promise<number> {
  const db = ctx.database.db;
  let escalated = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('helpRequests as r')
      .innerJoin('networks as n', 'n.id', 'r.networkId')
      .select(['r.id', 'r.networkId', 'r.requesterId', 'r.createdAt', 'n.helpEscalationHours'])
      .where('r.status', '=', 'open')
      .where('r.responseCount', '=', 0)
      .where('r.escalatedAt', 'is', null)
      .where('r.createdAt', '<', isoNow(now - HELP_ESCALATION_HOURS_MIN * HOUR))
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    for (const row of rows) {
      const hours = Math.max(Number(row.helpEscalationHours), HELP_ESCALATION_HOURS_MIN);
      if (now - Date.parse(row.createdAt) < hours * HOUR) continue;
      const claimed = await db
        .updateTable('helpRequests')
        .set({ escalatedAt: isoNow(now) })
        .where('id', '=', row.id)
        .where('escalatedAt', 'is', null)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      const staff = await db
        .selectFrom('memberships')
        .select('userId')
        .where('networkId', '=', row.networkId)
        .where('status', '=', 'active')
        .where('role', 'in', ['meta_mentor', 'office'])
        .execute();
      const ids = staff.map((s) => s.userId);
      const standings = await getStandings(ctx, ids);
      for (const userId of ids) {
        if (!standings.get(userId)?.some((s) => s.networkId === row.networkId && takesPart(s))) continue;
        await tellAboutRequest(ctx, row, userId, 'help_escalated', null);
      }
      escalated++;
    }
  }
  return escalated;
}
