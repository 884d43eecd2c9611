import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  VolunteerCheckRow,
  VolunteerChecksTable,
  VolunteerCommitmentRow,
  VolunteerCommitmentsTable,
  VolunteerTrainingRow,
  VolunteerTrainingsTable,
} from './volunteer-records.table.ts';

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
