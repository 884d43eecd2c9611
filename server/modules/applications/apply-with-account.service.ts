import type { ApplyWithAccountBody } from '../../../common/contracts/invitations.ts';
import { canInNetwork, type NetworkActor } from '../../../common/permissions.ts';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { isoNow } from '../../lib/time.ts';
import type { RequestMeta } from '../../platform/sessions/index.ts';
import { registerUser } from '../auth/index.ts';
import { findNetworkById, findNetworkBySlug, type NetworkRow } from '../networks/index.ts';
import type { UserRow } from '../users/index.ts';
import { saveApplicationDraft, takeApplicationDraft } from './applications.repository.ts';
import { createApplication } from './applications.service.ts';

/** Whether a person with a new account (no membership yet) may apply to the network. */
const NEW_ACCOUNT: NetworkActor = {
  signedIn: true,
  platformAdmin: false,
  orgAdmin: false,
  role: null,
  acceptedCurrent: false,
};
const opensToApplicants = (network: NetworkRow) =>
  canInNetwork(NEW_ACCOUNT, 'applications.create', network.visibility);

/**
 * A visitor applies and creates the account in one step. The account is registered as at
 * sign-up (same answer whether or not the address is known); the application waits until the
 * address is confirmed, so staff never see applications from addresses nobody confirmed.
 */
export async function applyWithAccount(
  ctx: AppContext,
  slug: string,
  body: ApplyWithAccountBody,
  meta: RequestMeta,
): Promise<void> {
  const network = await findNetworkBySlug(ctx, slug);
  if (network?.visibility !== 'public') throw notFound();
  if (!opensToApplicants(network)) throw forbidden();
  const { motivation, experience, languages, ...account } = body;
  const user = await registerUser(ctx, account, meta);
  if (!user) return;
  await saveApplicationDraft(ctx.database.db, {
    userId: user.id,
    networkId: network.id,
    motivation,
    experience,
    languages: JSON.stringify([...new Set(languages)]),
    createdAt: isoNow(),
  });
}

/** Once the address is confirmed, the waiting application goes to the network's staff. */
export async function sendApplicationDraft(ctx: AppContext, user: UserRow) {
  const draft = await takeApplicationDraft(ctx.database.db, user.id);
  if (!draft) return null;
  const network = await findNetworkById(ctx, draft.networkId);
  if (!network || !opensToApplicants(network)) return null;
  try {
    await createApplication(ctx, network, user, {
      motivation: draft.motivation,
      experience: draft.experience,
      languages: JSON.parse(draft.languages),
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'APPLICATION_EXISTS')) throw error;
  }
  return { application: { network: { slug: network.slug, name: network.name } } };
}
