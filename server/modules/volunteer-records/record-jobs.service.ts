import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { DAY, HOUR, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import { notify } from '../notifications/index.ts';
import * as repo from './volunteer-records.repository.ts';

/** The daily job of the volunteer records: reminders to staff, then deleting records past retention. */
export const RECORDS_JOB = 'records.daily';
/** Staff hear of a check this many days before it ends. */
export const CHECK_REMINDER_DAYS = 30;
/** A commitment's end is told when it is this many days away or less, or ended as long ago. */
export const COMMITMENT_REMINDER_DAYS = 30;
/** How many departures the job deletes records of per run (the next run continues). */
const PURGE_BATCH = 500;

/** The next run: an hour before the daily digest, so that the reminders share that day's digest mail. */
export function nextRecordsRunAt(now: number, digestHourUtc: number): string {
  const hour = (digestHourUtc + 23) % 24;
  const today = Math.floor(now / DAY) * DAY + hour * HOUR;
  return new Date(today > now ? today : today + DAY).toISOString();
}

/** Registers the daily job and makes sure a run is scheduled (several instances share one chain). */
export async function startRecordJobs(ctx: AppContext): Promise<void> {
  ctx.jobs.handle(RECORDS_JOB, async () => {
    await runRecordJobs(ctx);
    await scheduleRecordJobs(ctx, ['pending']);
  });
  await scheduleRecordJobs(ctx, ['pending', 'running']);
}

async function scheduleRecordJobs(ctx: AppContext, statuses: JobStatus[]): Promise<void> {
  if (await repo.hasJob(ctx.database.db, RECORDS_JOB, statuses)) return;
  await ctx.jobs.enqueue(RECORDS_JOB, {}, { runAt: nextRecordsRunAt(Date.now(), ctx.config.digestHourUtc) });
}

/** One run of the daily job at `now`: what it sent and deleted. */
export async function runRecordJobs(ctx: AppContext, now = Date.now()) {
  const reminders = await sendRecordReminders(ctx, now);
  const purged = await purgeDepartedRecords(ctx, now);
  return { reminders, purged };
}

/**
 * Tells the meta-mentors and office of each network about the checks of active members that end
 * within CHECK_REMINDER_DAYS and the commitments that end (within COMMITMENT_REMINDER_DAYS either
 * side of today). Each is told once: per member, check (and its end day) or commitment end day, so
 * a check renewed with a new end day is told again when that one comes near. Returns how many
 * reminders were claimed.
 */
export async function sendRecordReminders(ctx: AppContext, now = Date.now()): Promise<number> {
  const db = ctx.database.db;
  const today = isoNow(now).slice(0, 10);
  const since = isoNow(now - COMMITMENT_REMINDER_DAYS * DAY).slice(0, 10);
  const horizon = isoNow(now + CHECK_REMINDER_DAYS * DAY).slice(0, 10);
  const due = await repo.listDueReminders(db, since, today, horizon);
  const items = [
    ...due.checks.map((c) => ({
      networkId: c.networkId,
      userId: c.userId,
      kind: 'check_expiring' as const,
      subject: `${c.id}:${c.validUntil}`,
    })),
    ...due.commitments.map((c) => ({
      networkId: c.networkId,
      userId: c.userId,
      kind: 'commitment_ended' as const,
      subject: String(c.until),
    })),
  ];
  let sent = 0;
  const staffOf = new Map<string, string[]>();
  for (const item of items) {
    if (!(await repo.claimReminder(db, { id: newId(), ...item, sentAt: isoNow(now) }))) continue;
    sent++;
    let staff = staffOf.get(item.networkId);
    if (!staff) {
      staff = await repo.listStaffIds(db, item.networkId);
      staffOf.set(item.networkId, staff);
    }
    for (const staffId of staff) {
      await notify(ctx, {
        userId: staffId,
        kind: item.kind === 'check_expiring' ? 'record_check_expiring' : 'record_commitment_ending',
        networkId: item.networkId,
        actorId: item.userId,
      });
    }
  }
  return sent;
}

/**
 * Deletes the records of members who left once their network's retention period is over, and
 * logs each deletion in the network's audit log. A member who came back in the meantime keeps
 * their records (the departure is forgotten). Returns how many members' records were deleted.
 */
export async function purgeDepartedRecords(ctx: AppContext, now = Date.now()): Promise<number> {
  const db = ctx.database.db;
  const today = isoNow(now).slice(0, 10);
  let purged = 0;
  for (const due of await repo.listDeparturesDue(db, today, PURGE_BATCH)) {
    if (due.status === 'active') {
      await repo.deleteDeparture(db, due.networkId, due.userId);
      continue;
    }
    await repo.purgeRecords(db, due.networkId, due.userId, isoNow(now));
    await recordAudit(ctx, {
      networkId: due.networkId,
      actorId: null,
      subjectUserId: due.userId,
      action: 'records.purged',
      details: { purgeOn: due.purgeOn },
    });
    purged++;
  }
  return purged;
}
