import type {
  SecuritySettings,
  UpdateSecuritySettingsBody,
} from '../../../common/contracts/platform-settings.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { presentSecuritySettings } from './platform-settings.presenter.ts';
import {
  findPlatformSetting,
  lacksRequiredSecondFactor,
  putPlatformSetting,
} from './platform-settings.repository.ts';

const REQUIRE_SECOND_FACTOR = 'require_second_factor';

/**
 * Every signed-in request asks whether the rule is on: the answer is kept per database for a few
 * seconds instead of a read per request. A change made here shows at once in this process; other
 * server processes see it within SETTING_TTL_MS.
 */
const SETTING_TTL_MS = 5_000;
const known = new WeakMap<object, { value: boolean; until: number }>();

async function isSecondFactorRequired(ctx: AppContext): Promise<boolean> {
  const cached = known.get(ctx.database);
  if (cached && cached.until > Date.now()) return cached.value;
  const row = await findPlatformSetting(ctx.database.db, REQUIRE_SECOND_FACTOR);
  const value = row !== undefined && JSON.parse(row.value) === true;
  known.set(ctx.database, { value, until: Date.now() + SETTING_TTL_MS });
  return value;
}

/** The platform's sign-in security settings (off until a platform admin turns them on). */
export async function getSecuritySettings(ctx: AppContext): Promise<SecuritySettings> {
  return presentSecuritySettings(await isSecondFactorRequired(ctx));
}

/** Changes the sign-in security settings, recorded in the audit log. */
export async function updateSecuritySettings(
  ctx: AppContext,
  body: UpdateSecuritySettingsBody,
  actorId: string,
): Promise<SecuritySettings> {
  await withTransaction(ctx, async (tx) => {
    await putPlatformSetting(tx.database.db, {
      name: REQUIRE_SECOND_FACTOR,
      value: JSON.stringify(body.requireSecondFactor),
      updatedBy: actorId,
      updatedAt: isoNow(),
    });
    await recordAudit(tx, {
      actorId,
      action: body.requireSecondFactor
        ? 'platform.second_factor_required'
        : 'platform.second_factor_optional',
    });
  });
  known.delete(ctx.database);
  return presentSecuritySettings(body.requireSecondFactor);
}

/**
 * Whether the platform requires a second factor of this account and it has none yet: platform
 * admins, organisation admins and meta-mentors without a confirmed TOTP or a passkey while the setting is on.
 */
export async function mustSetUpSecondFactor(
  ctx: AppContext,
  user: { id: string; isPlatformAdmin: number },
): Promise<boolean> {
  if (!(await isSecondFactorRequired(ctx))) return false;
  return lacksRequiredSecondFactor(ctx.database.db, user.id, user.isPlatformAdmin === 1);
}
