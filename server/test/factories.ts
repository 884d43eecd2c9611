import type { Locale } from '../../common/locales.ts';
import type { MentorLevel, NetworkRole } from '../../common/permissions.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { createDefaultSpaces } from '../modules/discussions/index.ts';
import { acceptCurrentDocuments, publishDefaultDocuments } from '../modules/documents/index.ts';
import type { GoalRow } from '../modules/goals/index.ts';
import { addMember } from '../modules/members/index.ts';
import { createNetwork, type NetworkRow } from '../modules/networks/index.ts';
import type { OrganisationRow } from '../modules/organisations/index.ts';
import { createUser, type UserRow } from '../modules/users/index.ts';
import type { OutgoingMail } from '../platform/mail/index.ts';

export const DEFAULT_PASSWORD = 'violet-harbour-lantern';
let counter = 0;

/** Creates a verified user; every field can be overridden. */
export async function buildUser(
  ctx: AppContext,
  overrides: Partial<UserRow> & { password?: string } = {},
): Promise<UserRow & { password: string }> {
  const { password = DEFAULT_PASSWORD, ...fields } = overrides;
  counter += 1;
  const now = isoNow();
  const user: UserRow = {
    id: newId(),
    email: `mentor${counter}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    emailVerifiedAt: now,
    passwordHash: await hashPassword(password, ctx.config.passwordCost),
    displayName: `Test Mentor ${counter}`,
    locale: 'en' satisfies Locale,
    isPlatformAdmin: 0,
    suspendedAt: null,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await createUser(ctx, user);
  return { ...user, password };
}

/** A mail's plain text without the Unicode isolates around user text, for matching sentences in tests. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

/**
 * Queued mails to an address, newest first (rendered, as the transport will get them); the text
 * without its Unicode isolates (`rawText` keeps them), so tests can match whole sentences.
 */
export async function mailsTo(ctx: AppContext, to: string): Promise<(OutgoingMail & { rawText: string })[]> {
  const jobs = await ctx.database.db
    .selectFrom('jobs')
    .select(['payload', 'createdAt', 'id'])
    .where('kind', '=', 'mail.send')
    .orderBy('id', 'desc')
    .execute();
  return jobs
    .map((j) => JSON.parse(j.payload) as OutgoingMail)
    .filter((m) => m.to === to)
    .map((m) => ({ ...m, rawText: m.text, text: withoutIsolates(m.text) }));
}

/** The token in the first link of a mail (verification, reset). */
export function tokenFrom(mail: OutgoingMail | undefined): string {
  const match = mail?.text.match(/token=([A-Za-z0-9_%-]+)/);
  if (!match?.[1]) throw new Error('no token link in mail');
  return decodeURIComponent(match[1]);
}

let slugCounter = 0;
const uniqueSlug = (prefix: string) => `${prefix}-${++slugCounter}-${Math.random().toString(36).slice(2, 7)}`;

/** Creates an organisation, with an admin when given. */
export async function buildOrganisation(
  ctx: AppContext,
  overrides: Partial<OrganisationRow> & { adminId?: string } = {},
): Promise<OrganisationRow> {
  const { adminId, ...fields } = overrides;
  const now = isoNow();
  const row: OrganisationRow = {
    id: newId(),
    slug: uniqueSlug('org'),
    name: 'Fictional Welcome Association',
    kind: 'ngo',
    country: 'DE',
    city: 'Musterstadt',
    languages: JSON.stringify(['de', 'en']),
    services: JSON.stringify(['housing']),
    website: null,
    contactEmail: null,
    contactPhone: null,
    description: '',
    verifiedAt: null,
    verifiedBy: null,
    createdBy: adminId ?? null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  // Written straight into the tables: fixtures need no rules, and a module's repository stays private.
  await ctx.database.db.insertInto('organisations').values(row).execute();
  if (adminId) {
    await ctx.database.db
      .insertInto('organisationAdmins')
      .values({ organisationId: row.id, userId: adminId, createdAt: now })
      .execute();
  }
  return row;
}

/**
 * Creates a network (and its founding organisation when not given) with the default agreement
 * and rules published, like founding through the API does.
 */
export async function buildNetwork(
  ctx: AppContext,
  overrides: Partial<NetworkRow> & { withDocuments?: boolean } = {},
): Promise<NetworkRow> {
  const { withDocuments = true, ...fields } = overrides;
  const organisationId = fields.organisationId ?? (await buildOrganisation(ctx)).id;
  const now = isoNow();
  const row: NetworkRow = {
    id: newId(),
    slug: uniqueSlug('net'),
    name: 'Fictional Mentor Network',
    description: 'A network for tests.',
    region: 'Musterstadt',
    languages: JSON.stringify(['de', 'en']),
    visibility: 'public',
    organisationId,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    membersCreateEvents: 0,
    ...fields,
  };
  await createNetwork(ctx, row, null);
  if (withDocuments) await publishDefaultDocuments(ctx, row, null);
  await createDefaultSpaces(ctx, row.id, null);
  return row;
}

/** Makes a user an active member; by default they have accepted the current documents. */
export async function buildMember(
  ctx: AppContext,
  network: NetworkRow,
  overrides: { role?: NetworkRole; level?: MentorLevel | null; accepted?: boolean; user?: UserRow } = {},
): Promise<UserRow & { password: string }> {
  const user = overrides.user ? { ...overrides.user, password: DEFAULT_PASSWORD } : await buildUser(ctx);
  await addMember(ctx, {
    network,
    userId: user.id,
    role: overrides.role ?? 'mentor',
    level: overrides.level,
    actorId: null,
    via: 'seed',
  });
  if (overrides.accepted !== false) await acceptCurrentDocuments(ctx, network, user.id);
  return user;
}

/** Creates a goal of a network (straight into its table); every field can be overridden. */
export async function buildGoal(
  ctx: AppContext,
  network: Pick<NetworkRow, 'id'>,
  overrides: Partial<GoalRow> = {},
): Promise<GoalRow> {
  const now = isoNow();
  const row: GoalRow = {
    id: newId(),
    networkId: network.id,
    title: 'Fixture goal',
    description: '',
    unit: null,
    startValue: 0,
    targetValue: 10,
    dueOn: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    archivedAt: null,
    ...overrides,
  };
  await ctx.database.db.insertInto('goals').values(row).execute();
  return row;
}

/** A user's membership row in a network, whatever its status (undefined when there is none). */
export function membershipOf(ctx: AppContext, networkId: string, userId: string) {
  return ctx.database.db
    .selectFrom('memberships')
    .selectAll()
    .where('networkId', '=', networkId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}
