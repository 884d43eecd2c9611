import {
  type CreateInvitationBody,
  INVITATION_DEFAULT_DAYS,
  type InvitationListQuery,
} from '../../../common/contracts/invitations.ts';
import { isLocale, type Locale } from '../../../common/locales.ts';
import { canInviteAs } from '../../../common/policies/invitations.ts';
import { levelForRole } from '../../../common/policies/standing.ts';
import type { AppContext } from '../../context.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { decodeCursor, paginate } from '../../lib/cursor.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { DAY, HOUR, isoIn, isoNow } from '../../lib/time.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { RateRule } from '../../platform/rate-limit/index.ts';
import { findMembership, type NetworkAccess, type NetworkRow, requireUser } from '../networks/index.ts';
import { findUserByEmail, type UserRow } from '../users/index.ts';
import { invitationStatus, type NewInvitation } from './invitations.presenter.ts';
import {
  findInvitationByTokenHash,
  findNetworkInvitation,
  insertInvitation,
  listNetworkInvitations,
  revokeInvitation,
  revokeOpenEmailInvitations,
} from './invitations.repository.ts';
import type { InvitationRow } from './invitations.table.ts';

/** Enough for a large network inviting everyone at once, too little for a mail cannon. */
export const INVITATIONS_PER_NETWORK: RateRule = { limit: 200, windowMs: HOUR };

/** The link that opens an invitation in the web app. */
export function invitationUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/invitations/${encodeURIComponent(token)}`;
}

/** The invitee's language if they have an account, else the network's first language, else English. */
function mailLocaleFor(network: NetworkRow, invitee: UserRow | undefined): Locale {
  if (invitee && isLocale(invitee.locale)) return invitee.locale;
  const [first] = JSON.parse(network.languages) as string[];
  return isLocale(first) ? first : 'en';
}

/** What other features may add to an invitation (MOOC graduates get theirs in their own language). */
export interface InvitationOptions {
  /** Mail language instead of the invitee's account language or the network's first language. */
  locale?: Locale;
  /** The MOOC graduate invited; accepting marks them joined and gives the badge. */
  moocGraduateId?: string;
  /** Sends the reminder wording instead of the first invitation's. */
  reminder?: boolean;
  /** The course a MOOC graduate finished: their mail speaks of it instead of an account they lack. */
  course?: { graduateName: string; title: string; startsOn: string; endsOn: string };
}

/**
 * Invites on behalf of a caller authorized to manage invitations; only those who may change
 * roles hand out the meta-mentor role (see canInviteAs).
 */
export async function inviteToNetwork(
  ctx: AppContext,
  access: NetworkAccess,
  body: CreateInvitationBody,
): Promise<NewInvitation> {
  if (!canInviteAs(access.actor, body.role, access.network.visibility)) throw forbidden();
  return createInvitation(ctx, access.network, requireUser(access), body);
}

/**
 * Creates an e-mail or link invitation. E-mail invitations replace an open one for the same
 * address and are mailed; link invitations come with their URL (the only time it is shown).
 * Callers check that the inviter may do this.
 */
export async function createInvitation(
  ctx: AppContext,
  network: NetworkRow,
  inviter: UserRow,
  body: CreateInvitationBody,
  options: InvitationOptions = {},
): Promise<NewInvitation> {
  await ctx.rateLimiter.hit(`invitations:network:${network.id}`, INVITATIONS_PER_NETWORK);
  const invitee = body.kind === 'email' ? await findUserByEmail(ctx, body.email) : undefined;
  if (invitee) {
    const membership = await findMembership(ctx, network.id, invitee.id);
    if (membership?.status === 'active') throw new AppError('ALREADY_MEMBER', 409, { field: 'email' });
  }
  const now = isoNow();
  const token = newSecret();
  const locale = options.locale ?? mailLocaleFor(network, invitee);
  const days = body.expiresInDays ?? INVITATION_DEFAULT_DAYS;
  const row: InvitationRow = {
    id: newId(),
    networkId: network.id,
    kind: body.kind,
    email: body.kind === 'email' ? body.email : null,
    tokenHash: hashSecret(token),
    role: body.role,
    level: levelForRole(body.role, body.level),
    locale: body.kind === 'email' ? locale : null,
    invitedBy: inviter.id,
    expiresAt: isoIn(days * DAY),
    revokedAt: null,
    acceptedAt: null,
    acceptedBy: null,
    uses: 0,
    createdAt: now,
    moocGraduateId: options.moocGraduateId ?? null,
  };
  // The new invitation replaces the open ones for the address: both happen, or neither.
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const replaced = row.email ? await revokeOpenEmailInvitations(db, network.id, row.email, now) : [];
    await insertInvitation(db, row);
    for (const id of replaced) {
      await recordAudit(tx, {
        networkId: network.id,
        actorId: inviter.id,
        action: 'invitation.revoked',
        details: { invitationId: id, email: row.email, replacedBy: row.id },
      });
    }
    await recordAudit(tx, {
      networkId: network.id,
      actorId: inviter.id,
      action: 'invitation.created',
      details: {
        invitationId: row.id,
        kind: row.kind,
        email: row.email,
        role: row.role,
        level: row.level,
        ...(row.moocGraduateId && {
          moocGraduateId: row.moocGraduateId,
          reminder: options.reminder === true,
        }),
      },
    });
  });
  const url = invitationUrl(ctx, token);
  if (!row.email) return { row, inviterName: inviter.displayName, url };
  const { course } = options;
  await ctx.mailer.send(
    row.email,
    locale,
    course
      ? {
          name: options.reminder ? 'graduate_invitation_reminder' : 'graduate_invitation',
          params: {
            name: invitee?.displayName ?? course.graduateName,
            network: network.name,
            inviter: inviter.displayName,
            course: course.title,
            startsOn: course.startsOn,
            endsOn: course.endsOn,
            url,
            days,
          },
        }
      : {
          name: options.reminder ? 'invitation_reminder' : 'invitation',
          params: {
            name: invitee?.displayName ?? '',
            network: network.name,
            inviter: inviter.displayName,
            role: row.level === 'experienced' ? 'experienced' : row.role,
            url,
            days,
          },
        },
  );
  return { row, inviterName: inviter.displayName, url: null };
}

/** A page of a network's invitations, newest first, with their inviters' names. */
export async function listInvitations(ctx: AppContext, network: NetworkRow, query: InvitationListQuery) {
  const [beforeId] = decodeCursor(query.cursor, 1) ?? [];
  const rows = await listNetworkInvitations(ctx.database.db, network.id, {
    pendingAt: query.status === 'pending' ? isoNow() : undefined,
    beforeId: beforeId === undefined ? undefined : String(beforeId),
    limit: query.limit + 1,
  });
  const { page, nextCursor } = paginate(rows, query.limit, (r) => [r.id]);
  return { rows: page, nextCursor };
}

/** Revokes an invitation of this network; revoking twice is harmless, a used e-mail invitation stays used. */
export async function revokeNetworkInvitation(
  ctx: AppContext,
  network: NetworkRow,
  actorId: string,
  id: string,
): Promise<void> {
  const row = await findNetworkInvitation(ctx.database.db, network.id, id);
  if (!row) throw notFound();
  if (invitationStatus(row) === 'accepted') throw new AppError('INVITATION_USED', 409);
  await withTransaction(ctx, async (tx) => {
    if (!(await revokeInvitation(tx.database.db, row.id, isoNow()))) return;
    await recordAudit(tx, {
      networkId: network.id,
      actorId,
      action: 'invitation.revoked',
      details: { invitationId: row.id, kind: row.kind, email: row.email },
    });
  });
}

/**
 * The invitation behind a link, for the preview before accepting, and whether its address has an
 * account already (e-mail invitations; null for links). Unknown tokens are INVITATION_INVALID.
 */
export async function findInvitationPreview(ctx: AppContext, token: string) {
  const row = await findInvitationByTokenHash(ctx.database.db, hashSecret(token));
  if (!row) throw new AppError('INVITATION_INVALID', 404);
  const accountExists = row.email ? (await findUserByEmail(ctx, row.email)) !== undefined : null;
  return { row, accountExists };
}
