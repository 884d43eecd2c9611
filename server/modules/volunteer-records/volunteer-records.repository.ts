import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobStatus } from '../../platform/jobs/index.ts';
import type {
  VolunteerCheckRow,
  VolunteerChecksTable,
  VolunteerCommitmentRow,
  VolunteerCommitmentsTable,
  VolunteerDepartureRow,
  VolunteerDeparturesTable,
  VolunteerRecordSettingsTable,
  VolunteerRemindersTable,
  VolunteerTrainingRow,
  VolunteerTrainingsTable,
} from './volunteer-records.table.ts';

/**
 * A user's standing as a volunteer of a network: their membership (status, leave) and name, and
 * their departure when staff recorded one; undefined when they never were a member.
 */
export async function findVolunteer(db: Kysely<DB>, networkId: string, userId: string) {
  const [member, departure] = await Promise.all([
    db
      .selectFrom('memberships as ms')
      .innerJoin('users as u', 'u.id', 'ms.userId')
      .select(['ms.status', 'ms.leaveUntil', 'u.displayName'])
      .where('ms.networkId', '=', networkId)
      .where('ms.userId', '=', userId)
      .executeTakeFirst(),
    findDeparture(db, networkId, userId),
  ]);
  return member && { ...member, departure };
}

export function findDeparture(
  db: Kysely<DB>,
  networkId: string,
  userId: string,
): Promise<VolunteerDepartureRow | undefined> {
  return db
    .selectFrom('volunteerDepartures')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .executeTakeFirst() as Promise<VolunteerDepartureRow | undefined>;
}

/** Records a departure (replacing an earlier one of the same member, who came back and left again). */
export async function saveDeparture(db: Kysely<DB>, row: VolunteerDeparturesTable): Promise<void> {
  await db
    .deleteFrom('volunteerDepartures')
    .where('networkId', '=', row.networkId)
    .where('userId', '=', row.userId)
    .execute();
  await db.insertInto('volunteerDepartures').values(row).execute();
}

/** Departures whose records are due for deletion on `today`, oldest first. */
export function listDeparturesDue(db: Kysely<DB>, today: string, limit: number) {
  return db
    .selectFrom('volunteerDepartures as d')
    .innerJoin('memberships as ms', (j) =>
      j.onRef('ms.networkId', '=', 'd.networkId').onRef('ms.userId', '=', 'd.userId'),
    )
    .select(['d.networkId', 'd.userId', 'd.purgeOn', 'ms.status'])
    .where('d.purgedAt', 'is', null)
    .where('d.purgeOn', '<=', today)
    .orderBy('d.purgeOn')
    .limit(limit)
    .execute();
}

/**
 * Deletes a departed member's records in a network (training, checks, commitment, reminders) and
 * empties the departure's handover and note; the departure stays as a dated stub.
 */
export async function purgeRecords(db: Kysely<DB>, networkId: string, userId: string, now: string) {
  for (const table of [
    'volunteerTrainings',
    'volunteerChecks',
    'volunteerCommitments',
    'volunteerReminders',
  ] as const) {
    await db.deleteFrom(table).where('networkId', '=', networkId).where('userId', '=', userId).execute();
  }
  await db
    .updateTable('volunteerDepartures')
    .set({ handover: '{"menteeCodes":[],"helpRequests":[]}', note: '', purgedAt: now })
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .execute();
}

/** Forgets a departure (the member is active again). */
export async function deleteDeparture(db: Kysely<DB>, networkId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('volunteerDepartures')
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .execute();
}

/** The network's retention period in months, when it set one. */
export async function findRetentionMonths(db: Kysely<DB>, networkId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('volunteerRecordSettings')
    .select('retentionMonths')
    .where('networkId', '=', networkId)
    .executeTakeFirst();
  return row?.retentionMonths;
}

export async function saveRetentionMonths(db: Kysely<DB>, row: VolunteerRecordSettingsTable): Promise<void> {
  await db.deleteFrom('volunteerRecordSettings').where('networkId', '=', row.networkId).execute();
  await db.insertInto('volunteerRecordSettings').values(row).execute();
}

/** Active members of the network in a role among `roles` (the staff who get reminders). */
export async function listStaffIds(db: Kysely<DB>, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('status', '=', 'active')
    .where('role', 'in', ['meta_mentor', 'office'])
    .execute();
  return rows.map((r) => r.userId);
}

/** Whether a user is an active member of a network. */
export async function isActiveMember(db: Kysely<DB>, networkId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('userId')
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * What staff should be reminded of on `today`, across networks, for active members: checks that
 * end between today and `horizon`, and commitments that end by `horizon` (or ended up to
 * `since` ago), each with the key under which it is reminded once.
 */
export async function listDueReminders(db: Kysely<DB>, since: string, today: string, horizon: string) {
  const [checks, commitments] = await Promise.all([
    db
      .selectFrom('volunteerChecks as c')
      .innerJoin('memberships as ms', (j) =>
        j.onRef('ms.networkId', '=', 'c.networkId').onRef('ms.userId', '=', 'c.userId'),
      )
      .select(['c.id', 'c.networkId', 'c.userId', 'c.validUntil'])
      .where('ms.status', '=', 'active')
      .where('c.validUntil', '>=', today)
      .where('c.validUntil', '<=', horizon)
      .execute(),
    db
      .selectFrom('volunteerCommitments as c')
      .innerJoin('memberships as ms', (j) =>
        j.onRef('ms.networkId', '=', 'c.networkId').onRef('ms.userId', '=', 'c.userId'),
      )
      .select(['c.networkId', 'c.userId', 'c.until'])
      .where('ms.status', '=', 'active')
      .where('c.until', '>=', since)
      .where('c.until', '<=', horizon)
      .execute(),
  ]);
  return { checks, commitments };
}

/** Claims a reminder (once per member, kind and subject); false when it was sent before. */
export async function claimReminder(db: Kysely<DB>, row: VolunteerRemindersTable): Promise<boolean> {
  const result = await db
    .insertInto('volunteerReminders')
    .values(row)
    .onConflict((oc) => oc.columns(['networkId', 'userId', 'kind', 'subject']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether a job of this kind is pending (or running), so that the daily chain is not doubled. */
export async function hasJob(db: Kysely<DB>, kind: string, statuses: JobStatus[]): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', statuses)
    .executeTakeFirst();
  return row !== undefined;
}

/** A member's training, checks and commitment in a network, and the MOOC sessions they graduated from. */
export async function findRecord(db: Kysely<DB>, networkId: string, userId: string) {
  const [trainings, checks, commitment, mooc] = await Promise.all([
    db
      .selectFrom('volunteerTrainings')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('userId', '=', userId)
      .orderBy('completedOn', 'desc')
      .execute() as Promise<VolunteerTrainingRow[]>,
    db
      .selectFrom('volunteerChecks')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('userId', '=', userId)
      .orderBy('seenOn', 'desc')
      .execute() as Promise<VolunteerCheckRow[]>,
    db
      .selectFrom('volunteerCommitments')
      .selectAll()
      .where('networkId', '=', networkId)
      .where('userId', '=', userId)
      .executeTakeFirst() as Promise<VolunteerCommitmentRow | undefined>,
    db
      .selectFrom('memberBadges as b')
      .innerJoin('moocSessions as s', 's.id', 'b.sessionId')
      .select(['b.id', 's.title', 's.endsOn'])
      .where('b.networkId', '=', networkId)
      .where('b.userId', '=', userId)
      .where('b.kind', '=', 'mooc_graduate')
      .execute(),
  ]);
  return { trainings, checks, commitment, mooc };
}

export async function insertTraining(db: Kysely<DB>, row: VolunteerTrainingsTable): Promise<void> {
  await db.insertInto('volunteerTrainings').values(row).execute();
}

export async function insertCheck(db: Kysely<DB>, row: VolunteerChecksTable): Promise<void> {
  await db.insertInto('volunteerChecks').values(row).execute();
}

/** Corrects a training entry staff added; whether there was one. */
export async function updateTraining(
  db: Kysely<DB>,
  where: { networkId: string; userId: string; id: string },
  values: Pick<VolunteerTrainingsTable, 'title' | 'completedOn'>,
): Promise<boolean> {
  const result = await db
    .updateTable('volunteerTrainings')
    .set(values)
    .where('id', '=', where.id)
    .where('networkId', '=', where.networkId)
    .where('userId', '=', where.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Corrects a check (kind and dates); whether there was one. */
export async function updateCheck(
  db: Kysely<DB>,
  where: { networkId: string; userId: string; id: string },
  values: Pick<VolunteerChecksTable, 'kind' | 'seenOn' | 'validUntil'>,
): Promise<boolean> {
  const result = await db
    .updateTable('volunteerChecks')
    .set(values)
    .where('id', '=', where.id)
    .where('networkId', '=', where.networkId)
    .where('userId', '=', where.userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a training or check of a member; whether there was one. */
export async function deleteItem(
  db: Kysely<DB>,
  table: 'volunteerTrainings' | 'volunteerChecks',
  where: { networkId: string; userId: string; id: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', where.id)
    .where('networkId', '=', where.networkId)
    .where('userId', '=', where.userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sets (or with null hours, clears) a member's commitment. */
export async function saveCommitment(
  db: Kysely<DB>,
  row: VolunteerCommitmentsTable | { networkId: string; userId: string; hoursPerWeek: null },
): Promise<void> {
  await db
    .deleteFrom('volunteerCommitments')
    .where('networkId', '=', row.networkId)
    .where('userId', '=', row.userId)
    .execute();
  if (row.hoursPerWeek !== null) await db.insertInto('volunteerCommitments').values(row).execute();
}
