import type { Locale } from '../../common/locales.ts';
import type { MentorLevel, NetworkRole } from '../../common/permissions.ts';
import type { AppContext } from '../context.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../lib/ids.ts';
import { isoNow } from '../lib/time.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { acceptCurrentDocuments, publishDefaultDocuments } from '../modules/documents/index.ts';
import { addMember } from '../modules/members/index.ts';
import {
  createNetwork,
  findMembership,
  findNetworkBySlug,
  linkOrganisation,
} from '../modules/networks/index.ts';
import { updateOffice } from '../modules/office/index.ts';
import { createUser, findUserByEmail } from '../modules/users/index.ts';
import { seedBuddiesDemo } from './seed-buddies.ts';
import { seedDiscussions } from './seed-discussions.ts';
import { seedHealthDemo } from './seed-health.ts';
import { seedHelpDemo } from './seed-help.ts';
import { seedMessages } from './seed-messages.ts';
import { seedRoadmapDemo } from './seed-roadmap.ts';

/** Every demo account uses this password; it is printed by the CLI and is for local demos only. */
export const DEMO_PASSWORD = 'demo-mentornet-2026';

/** Clearly fictional people on the reserved example.org domain. */
export const DEMO_USERS: { email: string; displayName: string; locale: Locale; admin?: boolean }[] = [
  { email: 'admin@demo.example.org', displayName: 'Demo Platform Admin', locale: 'en', admin: true },
  { email: 'org.admin@demo.example.org', displayName: 'Olga Orga (demo)', locale: 'de' },
  { email: 'meta.mentor@demo.example.org', displayName: 'Mira Meta (demo)', locale: 'de' },
  { email: 'office@demo.example.org', displayName: 'Otto Office (demo)', locale: 'de' },
  { email: 'mentor.experienced@demo.example.org', displayName: 'Elena Experienced (demo)', locale: 'it' },
  { email: 'mentor.beginner@demo.example.org', displayName: 'Bogdan Beginner (demo)', locale: 'pl' },
  { email: 'mentor.arabic@demo.example.org', displayName: 'Amal Mentor (demo)', locale: 'ar' },
  { email: 'mentor.greek@demo.example.org', displayName: 'Eleni Mentor (demo)', locale: 'el' },
  { email: 'mentor.ukrainian@demo.example.org', displayName: 'Olena Mentor (demo)', locale: 'uk' },
  { email: 'partner.admin@demo.example.org', displayName: 'Paolo Partner (demo)', locale: 'it' },
  { email: 'meta.partner@demo.example.org', displayName: 'Marta Meta (demo)', locale: 'pl' },
];

const DEMO_ORGANISATIONS = [
  {
    slug: 'demo-welcome-association',
    name: 'Demo Welcome Association (fictional)',
    kind: 'ngo',
    country: 'DE',
    city: 'Musterstadt',
    languages: ['de', 'en', 'ar'],
    services: ['housing', 'language_learning', 'asylum_residence'],
    admin: 'org.admin@demo.example.org',
  },
  {
    slug: 'demo-intercultural-centre',
    name: 'Demo Intercultural Centre (fictional)',
    kind: 'association',
    country: 'IT',
    city: 'Città Esempio',
    languages: ['it', 'en', 'uk'],
    services: ['work', 'education', 'everyday_life'],
    admin: 'partner.admin@demo.example.org',
  },
];

const DEMO_NETWORKS: {
  slug: string;
  name: string;
  organisation: string;
  partner?: string;
  languages: string[];
  region: string;
  visibility: 'public' | 'private';
  description: string;
  members: [string, NetworkRole, MentorLevel | null][];
}[] = [
  {
    slug: 'demo-mentors-musterstadt',
    name: 'Mentors of Musterstadt (demo)',
    organisation: 'demo-welcome-association',
    partner: 'demo-intercultural-centre',
    languages: ['de', 'en', 'ar'],
    region: 'Musterstadt',
    visibility: 'public',
    description: 'A fictional network of volunteer mentors who help newcomers settle in Musterstadt.',
    members: [
      ['meta.mentor@demo.example.org', 'meta_mentor', null],
      ['office@demo.example.org', 'office', null],
      ['mentor.experienced@demo.example.org', 'mentor', 'experienced'],
      ['mentor.beginner@demo.example.org', 'mentor', 'beginner'],
      ['mentor.arabic@demo.example.org', 'mentor', 'experienced'],
      ['mentor.greek@demo.example.org', 'mentor', 'beginner'],
    ],
  },
  {
    slug: 'demo-rete-mentori',
    name: 'Rete Mentori Esempio (demo)',
    organisation: 'demo-intercultural-centre',
    languages: ['it', 'en', 'uk'],
    region: 'Città Esempio',
    visibility: 'private',
    description: 'A fictional private network of mentors in an Italian town.',
    members: [
      ['meta.partner@demo.example.org', 'meta_mentor', null],
      ['mentor.ukrainian@demo.example.org', 'mentor', 'beginner'],
      ['mentor.experienced@demo.example.org', 'mentor', 'experienced'],
    ],
  },
];

/** The id of a demo organisation, if it exists already. */
async function findOrganisationId(ctx: AppContext, slug: string): Promise<string | undefined> {
  const row = await ctx.database.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Creates whatever demo data is missing: accounts, two organisations, two networks with members in
 * every role who accepted the agreement. Running it twice changes nothing.
 */
export async function seedDemo(ctx: AppContext): Promise<{ created: number; total: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, ctx.config.passwordCost);
  let created = 0;
  const userIds = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const existing = await findUserByEmail(ctx, demo.email);
    if (existing) {
      userIds.set(demo.email, existing.id);
      continue;
    }
    const now = isoNow();
    const id = newId();
    await createUser(ctx, {
      id,
      email: demo.email,
      emailVerifiedAt: now,
      passwordHash,
      displayName: demo.displayName,
      locale: demo.locale,
      isPlatformAdmin: demo.admin ? 1 : 0,
      suspendedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    userIds.set(demo.email, id);
    created += 1;
  }
  const userId = (email: string) => {
    const id = userIds.get(email);
    if (!id) throw new Error(`demo user ${email} missing`);
    return id;
  };

  // Demo organisations are data, written as they are (already verified), like test factories do.
  for (const org of DEMO_ORGANISATIONS) {
    if (await findOrganisationId(ctx, org.slug)) continue;
    const now = isoNow();
    const id = newId();
    const row = {
      id,
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      country: org.country,
      city: org.city,
      languages: JSON.stringify(org.languages),
      services: JSON.stringify(org.services),
      website: null,
      contactEmail: `contact@${org.slug}.example.org`,
      contactPhone: null,
      description: 'Fictional organisation for demos.',
      verifiedAt: now,
      verifiedBy: userId('admin@demo.example.org'),
      createdBy: userId(org.admin),
      createdAt: now,
      updatedAt: now,
    };
    await withTransaction(ctx, async (tx) => {
      await tx.database.db.insertInto('organisations').values(row).execute();
      await tx.database.db
        .insertInto('organisationAdmins')
        .values({ organisationId: id, userId: userId(org.admin), createdAt: now })
        .execute();
    });
  }

  for (const spec of DEMO_NETWORKS) {
    let network = await findNetworkBySlug(ctx, spec.slug);
    if (!network) {
      const organisationId = await findOrganisationId(ctx, spec.organisation);
      if (!organisationId) throw new Error(`demo organisation ${spec.organisation} missing`);
      const now = isoNow();
      network = {
        id: newId(),
        slug: spec.slug,
        name: spec.name,
        description: spec.description,
        region: spec.region,
        languages: JSON.stringify(spec.languages),
        visibility: spec.visibility,
        organisationId,
        createdBy: userId(DEMO_ORGANISATIONS.find((o) => o.slug === spec.organisation)?.admin ?? ''),
        createdAt: now,
        updatedAt: now,
        membersCreateEvents: 0,
      };
      await createNetwork(ctx, network, null);
      const partnerId = spec.partner ? await findOrganisationId(ctx, spec.partner) : undefined;
      if (partnerId) {
        await linkOrganisation(ctx, {
          networkId: network.id,
          organisationId: partnerId,
          addedBy: null,
          createdAt: now,
        });
      }
      await publishDefaultDocuments(ctx, network, network.createdBy);
    }
    for (const [email, role, level] of spec.members) {
      const memberId = userId(email);
      if ((await findMembership(ctx, network.id, memberId))?.status === 'active') continue;
      await addMember(ctx, { network, userId: memberId, role, level, actorId: null, via: 'seed' });
      await acceptCurrentDocuments(ctx, network, memberId);
    }
    if (spec.visibility === 'public') {
      await updateOffice(ctx, network, userId(spec.members[0]?.[0] ?? ''), {
        contactEmail: `office@${spec.slug}.example.org`,
        contactPhone: null,
        address: 'Beispielstraße 1, 00000 Musterstadt (fictional)',
        onlineOnly: false,
        officeHours: 'Tuesdays and Thursdays, 10:00–13:00',
      });
    }
  }
  await seedDiscussions(ctx);
  await seedMessages(ctx);
  await seedRoadmapDemo(ctx);
  await seedBuddiesDemo(ctx);
  await seedHelpDemo(ctx);
  await seedHealthDemo(ctx);
  return { created, total: DEMO_USERS.length };
}
