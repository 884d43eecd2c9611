import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PlatformSettingRow } from './platform-settings.table.ts';

/** The stored row of one setting, or undefined while it has its default. */
export function findPlatformSetting(db: Kysely<DB>, name: string): Promise<PlatformSettingRow | undefined> {
  return db.selectFrom('platformSettings').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Stores a setting's value, replacing the one before. */
export async function putPlatformSetting(db: Kysely<DB>, row: PlatformSettingRow): Promise<void> {
  await db
    .insertInto('platformSettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ value: row.value, updatedBy: row.updatedBy, updatedAt: row.updatedAt }),
    )
    .execute();
}

/**
 * Whether the account holds a role that the second-factor rule covers (organisation admin or
 * active meta-mentor; platform admins are known from the session) and has no second factor: neither
 * a confirmed TOTP nor a passkey.
 */
export async function lacksRequiredSecondFactor(
  db: Kysely<DB>,
  userId: string,
  isPlatformAdmin: boolean,
): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .exists(
          eb
            .selectFrom('userTotp')
            .select('userId')
            .where('userId', '=', userId)
            .where('confirmedAt', 'is not', null),
        )
        .as('hasTotp'),
      eb.exists(eb.selectFrom('passkeys').select('userId').where('userId', '=', userId)).as('hasPasskey'),
      eb
        .exists(eb.selectFrom('organisationAdmins').select('userId').where('userId', '=', userId))
        .as('isOrgAdmin'),
      eb
        .exists(
          eb
            .selectFrom('memberships')
            .select('userId')
            .where('userId', '=', userId)
            .where('role', '=', 'meta_mentor')
            .where('status', '=', 'active'),
        )
        .as('isMetaMentor'),
    ])
    .executeTakeFirstOrThrow();
  const covered = isPlatformAdmin || Boolean(row.isOrgAdmin) || Boolean(row.isMetaMentor);
  return covered && !row.hasTotp && !row.hasPasskey;
}
