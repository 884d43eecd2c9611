import type { Kysely } from 'kysely';

/** An invitation may be sent to a MOOC graduate; accepting it marks them joined and gives the badge. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('invitations')
    .addColumn('mooc_graduate_id', 'text', (c) => c.references('mooc_graduates.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('mooc_graduate_id').execute();
}
