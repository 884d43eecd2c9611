import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { DAY, isoNow } from '../lib/time.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { acceptCurrentDocuments } from '../modules/documents/index.ts';
import { addMember } from '../modules/members/index.ts';
import { rollUpDue } from '../modules/network-health/index.ts';
import { findNetworkBySlug } from '../modules/networks/index.ts';
import { createUser, findUserByEmail } from '../modules/users/index.ts';

const NETWORK = 'demo-mentors-musterstadt';
const ago = (days: number, hour = 18) => Date.now() - days * DAY + (hour - 12) * 3_600_000;

/**
 * Fictional members of the health demo: how many days ago each was active (a post each time). Most
 * were busy in spring and quieter lately (activity falls week after week); Dario and Ines were
 * active until one or two months ago and have gone silent since: they are drifting away.
 */
const PEOPLE: {
  email: string;
  name: string;
  locale: 'de' | 'en' | 'ar' | 'uk';
  days: number[];
  /** When they joined, if earlier than shortly before their first post. */
  joinedDaysAgo?: number;
}[] = [
  {
    email: 'health.anna@demo.example.org',
    name: 'Anna Aktiv (demo)',
    locale: 'de',
    days: [110, 95, 80, 66, 52, 40, 30, 24, 17, 9, 2],
    // Half a year in the network and at every café: suggested as experienced.
    joinedDaysAgo: 200,
  },
  {
    email: 'health.bilal@demo.example.org',
    name: 'Bilal Busy (demo)',
    locale: 'ar',
    days: [105, 88, 70, 58, 45, 33, 26, 18, 11],
  },
  {
    email: 'health.chiara@demo.example.org',
    name: 'Chiara Steady (demo)',
    locale: 'en',
    days: [100, 84, 63, 50, 38, 27, 19],
  },
  {
    email: 'health.dario@demo.example.org',
    name: 'Dario Drifting (demo)',
    locale: 'en',
    days: [98, 77, 61, 48, 41],
  },
  { email: 'health.ines@demo.example.org', name: 'Ines Quiet (demo)', locale: 'uk', days: [90, 72, 55, 36] },
  { email: 'health.jonas@demo.example.org', name: 'Jonas Joiner (demo)', locale: 'de', days: [25, 20] },
];

const BODIES = [
  'Who has experience with the new appointment system at the registry office?',
  'Our mentee passed the B1 exam today. Thank you all for the tips!',
  'Is anyone going to the neighbourhood café on Thursday?',
  'I found a list of free evening language courses; shall I add it to the resources?',
];

/**
 * A few months of history for the health dashboard of the public demo network (issue 18): extra
 * fictional members who joined in spring, posts that thin out week by week, two members drifting
 * away, and the daily roll-ups worked out at once. Runs once: skipped when its first person exists.
 */
export async function seedHealthDemo(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const network = await findNetworkBySlug(ctx, NETWORK);
  if (!network || (await findUserByEmail(ctx, PEOPLE[0]?.email ?? ''))) return;
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('networkId', '=', network.id)
    .orderBy('position')
    .executeTakeFirst();
  if (!space) return;
  const passwordHash = await hashPassword(newId(), ctx.config.passwordCost);
  for (const [index, person] of PEOPLE.entries()) {
    const joined = ago(person.joinedDaysAgo ?? Math.max(...person.days) + 5);
    const id = newId(joined);
    await createUser(ctx, {
      id,
      email: person.email,
      emailVerifiedAt: isoNow(joined),
      passwordHash,
      displayName: person.name,
      locale: person.locale,
      isPlatformAdmin: 0,
      suspendedAt: null,
      createdAt: isoNow(joined),
      updatedAt: isoNow(joined),
    });
    await addMember(ctx, {
      network,
      userId: id,
      role: 'mentor',
      level: 'beginner',
      actorId: null,
      via: 'seed',
    });
    await acceptCurrentDocuments(ctx, network, id);
    // They joined in spring (the membership row is written "now"; the history says otherwise).
    await db
      .updateTable('memberships')
      .set({ joinedAt: isoNow(joined), createdAt: isoNow(joined) })
      .where('networkId', '=', network.id)
      .where('userId', '=', id)
      .execute();
    for (const [k, days] of person.days.entries()) {
      const at = ago(days, 9 + index);
      const body = BODIES[(index + k) % BODIES.length] ?? '';
      const topicId = newId(at);
      await db
        .insertInto('topics')
        .values({
          id: topicId,
          networkId: network.id,
          spaceId: space.id,
          authorId: id,
          title: body.slice(0, 60),
          pinned: 0,
          lockedAt: null,
          deletedAt: null,
          deletedBy: null,
          replyCount: 0,
          lastActivityAt: isoNow(at),
          createdAt: isoNow(at),
          updatedAt: isoNow(at),
        })
        .execute();
      await db
        .insertInto('posts')
        .values({
          id: newId(at),
          networkId: network.id,
          topicId,
          authorId: id,
          isOpening: 1,
          bodySource: body,
          bodyHtml: renderMarkdown(body),
          mentions: '[]',
          editedAt: null,
          deletedAt: null,
          deletedBy: null,
          createdAt: isoNow(at),
        })
        .execute();
    }
  }
  await seedCafes(ctx, network.id);
  // The dashboard reads roll-ups: work out the history now rather than at the job's first run.
  await rollUpDue(ctx);
}

/** Monthly cafés of the spring (days ago) and who of PEOPLE came to each (by index). */
const CAFES: { daysAgo: number; came: number[] }[] = [
  { daysAgo: 104, came: [0, 1, 2, 3] },
  { daysAgo: 76, came: [0, 1, 3] },
  { daysAgo: 62, came: [0, 2] },
  { daysAgo: 48, came: [0, 1] },
];

/** Past cafés organised by the demo meta-mentor, with attendance recorded. */
async function seedCafes(ctx: AppContext, networkId: string): Promise<void> {
  const db = ctx.database.db;
  const organiser = await findUserByEmail(ctx, 'meta.mentor@demo.example.org');
  if (!organiser) return;
  for (const cafe of CAFES) {
    const starts = ago(cafe.daysAgo, 17);
    const startsLocal = isoNow(starts).slice(0, 16);
    const endsAt = isoNow(starts + 2 * 3_600_000);
    const id = newId(starts);
    await db
      .insertInto('events')
      .values({
        id,
        networkId,
        title: 'Mentor café (demo)',
        shareWithPartners: 0,
        isPublic: 0,
        description: '',
        descriptionHtml: '',
        language: 'de',
        format: 'online',
        onlineUrl: 'https://meet.example.org/demo-cafe',
        address: null,
        timeZone: 'UTC',
        startsLocal,
        endsLocal: endsAt.slice(0, 16),
        startsAt: isoNow(starts),
        endsAt,
        lastEndsAt: endsAt,
        recurrence: null,
        capacity: null,
        status: 'scheduled',
        cancelReason: '',
        sequence: 0,
        createdBy: organiser.id,
        createdAt: isoNow(starts - 14 * DAY),
        updatedAt: isoNow(starts - 14 * DAY),
      })
      .execute();
    await db.insertInto('eventOrganisers').values({ eventId: id, userId: organiser.id }).execute();
    for (const index of cafe.came) {
      const person = await findUserByEmail(ctx, PEOPLE[index]?.email ?? '');
      if (!person) continue;
      await db
        .insertInto('eventAttendance')
        .values({
          eventId: id,
          occurrenceKey: startsLocal,
          userId: person.id,
          recordedBy: organiser.id,
          recordedAt: endsAt,
        })
        .execute();
    }
  }
}
