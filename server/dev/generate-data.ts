import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { recountTopicReads } from '../modules/discussions/index.ts';
import { defaultDocument } from '../modules/documents/index.ts';
import { generateDirectory } from './generate-directory.ts';
import { generateEvents } from './generate-events.ts';
import {
  BENCH_TARGETS,
  type GeneratedNotification,
  MENTION_SHARE,
  NotificationSampler,
} from './generate-notifications.ts';
import { generateSupport } from './generate-support.ts';

/** How much to generate; `large` is the benchmark target, `small` the smoke test and the growth baseline. */
export const SCALES = {
  small: {
    networks: 5,
    users: 300,
    posts: 5_000,
    messages: 20_000,
    helpRequests: 200,
    resources: 200,
    directoryEntries: 200,
  },
  large: {
    networks: 100,
    users: 10_000,
    posts: 200_000,
    messages: 1_000_000,
    helpRequests: 5_000,
    resources: 5_000,
    directoryEntries: 20_000,
  },
} as const;
export type Scale = keyof typeof SCALES;

export const GENERATED_PASSWORD = 'generated-mentor-2026';

/** What the benchmark needs to find in a generated database. */
export interface Fixture {
  scale: Scale;
  email: string;
  password: string;
  networkSlug: string;
  spaceId: string;
  topicId: string;
  conversationId: string;
  /** An open help request of the busy network (for its suggested helpers). */
  helpRequestId: string;
  searchTerm: string;
  /** The public directory's text + language + service filter (a query string). */
  directoryQuery: string;
  counts: Record<string, number>;
}

// Fictional, multilingual everyday text of mentors, written for this generator.
const SENTENCES = [
  'Does anyone know which office handles the residence permit extension?',
  'We found a small flat near the station; the landlord wants a guarantor.',
  'Die Sprachkurse im Nachbarschaftszentrum beginnen wieder im Herbst.',
  'Ich begleite am Dienstag zur Ausländerbehörde, wer hat Erfahrung mit Terminen?',
  'Il corso di italiano per principianti è gratuito il martedì sera.',
  'Qualcuno conosce un medico che parla arabo in centro?',
  'Szukam informacji o uznawaniu dyplomów z Ukrainy.',
  'Spotkanie mentorów odbędzie się w czwartek w bibliotece.',
  'Ξέρει κανείς πού γίνονται μαθήματα ελληνικών για ενήλικες;',
  'هل يعرف أحد مكاناً لتعلم اللغة مجاناً في المساء؟',
  'Шукаю поради щодо реєстрації дитини до школи.',
  'Thank you all, the appointment went well and the family is relieved.',
  'Remember: never post names or birth dates of the people we support.',
  'Our mentee started an apprenticeship as an electrician this week!',
  'Kann jemand beim Ausfüllen des Wohngeldantrags helfen?',
];
const TITLES = [
  'Residence permit appointments',
  'Finding a flat',
  'Sprachkurse im Herbst',
  'Arzttermine mit Dolmetscher',
  'Corsi di lingua',
  'Uznawanie dyplomów',
  'Μαθήματα ελληνικών',
  'تعلم اللغة',
  'Реєстрація до школи',
  'Apprenticeships and work',
  'Benefits paperwork',
  'Kick-off meeting notes',
];
const ANNOUNCEMENT_TITLES = [
  'Mentor meeting next Thursday',
  'Neue Sprechzeiten im Büro',
  'Training: first steps with a new mentee',
  'Incontro di primavera',
  'Reminder: keep personal data out of the forum',
  'Sommerfest im Nachbarschaftszentrum',
];

/** A small deterministic PRNG, so every run generates the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts rows in batches inside one transaction per call (fast on SQLite, fine on PostgreSQL). */
async function insertBatches<T extends keyof DB & string>(
  ctx: { database: Database },
  table: T,
  rows: readonly object[],
) {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  // Stay well under SQLite's and PostgreSQL's bound-parameter limits.
  const size = Math.max(1, Math.floor(8_000 / columns));
  await withTransaction(ctx, async (tx) => {
    for (let i = 0; i < rows.length; i += size) {
      // Generic over tables: each caller builds rows of the table it names.
      await tx.database.db
        .insertInto(table)
        .values(rows.slice(i, i + size) as never)
        .execute();
    }
  });
}

/**
 * Fills an empty database with realistic, clearly fictional data: a few very active networks and a
 * long tail, users in one or two networks, topics with long reply chains, long conversations,
 * announcements, and the notifications all of this caused (see NotificationSampler).
 */
export async function generateData(
  ctx: AppContext,
  scale: Scale,
  log: (line: string) => void = () => {},
): Promise<Fixture> {
  const size = SCALES[scale];
  const rnd = random(2026);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(rnd() * list.length)] as V;
  // Time runs forward from two years ago, so time-ordered ids look like an old network.
  const now = Date.now();
  let clock = now - 2 * 365 * 86_400_000;
  const step = Math.floor((2 * 365 * 86_400_000) / (size.posts + size.messages + size.users + 1_000));
  const tick = () => {
    clock += step;
    return clock;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const htmlOf = new Map(SENTENCES.map((s) => [s, renderMarkdown(s)]));

  // Organisation and users.
  const passwordHash = await hashPassword(GENERATED_PASSWORD, ctx.config.passwordCost);
  const orgId = newId(tick());
  const orgAdmin = newId(tick());
  const users: { id: string; email: string }[] = [];
  for (let i = 0; i < size.users; i++)
    users.push({ id: i === 0 ? orgAdmin : newId(tick()), email: `mentor${i}@generated.example.org` });
  const nameOf = new Map(users.map((u, i) => [u.id, `Generated Mentor ${i}`]));
  const benchUser = users[0] as { id: string; email: string };
  // Notifications are decided from a stream of their own, so the rest of the data stays as it was.
  const notes = new NotificationSampler({
    rnd: random(7),
    now,
    userIds: users.map((u) => u.id),
    benchUserId: benchUser.id,
  });
  const createdMs = clock;
  const created = iso(clock);
  await insertBatches(
    ctx,
    'users',
    users.map((u) => ({
      id: u.id,
      email: u.email,
      emailVerifiedAt: created,
      passwordHash,
      displayName: nameOf.get(u.id),
      locale: pick(['en', 'de', 'it', 'pl', 'el', 'ar', 'uk']),
      isPlatformAdmin: 0,
      suspendedAt: null,
      createdAt: created,
      updatedAt: created,
    })),
  );
  await insertBatches(ctx, 'organisations', [
    {
      id: orgId,
      slug: 'generated-organisation',
      name: 'Generated Organisation (fictional)',
      kind: 'ngo',
      country: 'DE',
      city: 'Musterstadt',
      languages: JSON.stringify(['de', 'en']),
      services: JSON.stringify(['housing']),
      website: null,
      contactEmail: null,
      contactPhone: null,
      description: '',
      verifiedAt: created,
      verifiedBy: null,
      createdBy: orgAdmin,
      createdAt: created,
      updatedAt: created,
    },
  ]);
  await insertBatches(ctx, 'organisationAdmins', [
    { organisationId: orgId, userId: orgAdmin, createdAt: created },
  ]);
  log(`users: ${users.length}`);

  // Networks: weights follow 1/rank, so a few are very active and most are quiet.
  const networks = Array.from({ length: size.networks }, (_, i) => ({
    id: newId(tick()),
    slug: `generated-network-${i}`,
    weight: 1 / (i + 1),
    members: [] as string[],
    spaces: [] as string[],
  }));
  const totalWeight = networks.reduce((n, x) => n + x.weight, 0);
  const pickNetwork = () => {
    let r = rnd() * totalWeight;
    for (const n of networks) {
      r -= n.weight;
      if (r <= 0) return n;
    }
    return networks[0] as (typeof networks)[number];
  };
  const networkRows = networks.map((n, i) => ({
    id: n.id,
    slug: n.slug,
    name: `Generated Network ${i}`,
    description: 'Fictional network for benchmarks.',
    region: 'Musterstadt',
    languages: JSON.stringify(['de', 'en']),
    visibility: i % 3 === 0 ? 'private' : 'public',
    organisationId: orgId,
    createdBy: orgAdmin,
    createdAt: created,
    updatedAt: created,
  }));
  await insertBatches(ctx, 'networks', networkRows);
  await insertBatches(
    ctx,
    'networkOrganisations',
    networks.map((n) => ({ networkId: n.id, organisationId: orgId, addedBy: orgAdmin, createdAt: created })),
  );
  // Everyone is in the busiest network (so the benchmark user sees everything there), and in one or two more.
  const memberships: Record<string, unknown>[] = [];
  for (const [u, user] of users.entries()) {
    const mine = new Set([networks[0] as (typeof networks)[number], pickNetwork()]);
    if (rnd() < 0.3) mine.add(pickNetwork());
    for (const n of mine) {
      n.members.push(user.id);
      memberships.push({
        id: newId(tick()),
        networkId: n.id,
        userId: user.id,
        role: u === 0 && n === networks[0] ? 'meta_mentor' : 'mentor',
        level: u === 0 && n === networks[0] ? null : pick(['beginner', 'experienced']),
        status: 'active',
        joinedAt: created,
        endedAt: null,
        endReason: null,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  // Each network has a meta-mentor besides the benchmark user: they write its announcements.
  const announcer = new Map<string, string>();
  for (const row of memberships) {
    if (row.userId === benchUser.id || announcer.has(row.networkId as string)) continue;
    announcer.set(row.networkId as string, row.userId as string);
    row.role = 'meta_mentor';
    row.level = null;
  }
  await insertBatches(ctx, 'memberships', memberships);
  // The default agreement and rules, accepted by every member.
  const documents: Record<string, unknown>[] = [];
  const acceptances: Record<string, unknown>[] = [];
  for (const [i, n] of networks.entries()) {
    for (const kind of ['agreement', 'rules'] as const) {
      const doc = defaultDocument(kind, {
        name: `Generated Network ${i}`,
        languages: JSON.stringify(['en']),
      });
      const id = newId(tick());
      documents.push({
        id,
        networkId: n.id,
        kind,
        version: 1,
        title: doc.title,
        body: doc.body,
        publishedBy: orgAdmin,
        publishedAt: created,
      });
      for (const userId of n.members)
        acceptances.push({ documentId: id, userId, networkId: n.id, acceptedAt: created });
    }
  }
  await insertBatches(ctx, 'networkDocuments', documents);
  await insertBatches(ctx, 'documentAcceptances', acceptances);
  // Spaces: the three defaults everywhere.
  const spaceRows: Record<string, unknown>[] = [];
  for (const n of networks) {
    for (const [position, key] of ['ideas', 'experiences', 'questions'].entries()) {
      const id = newId(tick());
      n.spaces.push(id);
      spaceRows.push({
        id,
        networkId: n.id,
        key,
        name: null,
        position,
        archivedAt: null,
        createdBy: null,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  await insertBatches(ctx, 'spaces', spaceRows);
  log(`networks: ${networks.length}, memberships: ${memberships.length}`);

  // Topics and replies: reply chains are long-tailed; the busiest space gets the most.
  const busy = networks[0] as (typeof networks)[number];
  // The benchmark user gets a share of the mentions and starts some topics in each of their networks,
  // about as many at both scales (the busiest network gets this share of all posts).
  const busyPosts = size.posts * (0.35 + 0.65 * (busy.weight / totalWeight));
  const benchMentionShare = Math.min(0.5, BENCH_TARGETS.mentions / (MENTION_SHARE * busyPosts));
  // A topic has about 8.5 posts (its opening and a long-tailed chain of 7.5 replies on average).
  const benchStartChance = BENCH_TARGETS.startedTopics / (busyPosts / 8.5);
  const benchNetworks = new Set(networks.filter((n) => n.members.includes(benchUser.id)));
  for (const n of networks)
    notes.addNetwork(n.id, n.members, n === busy ? benchMentionShare : benchNetworks.has(n) ? 0.05 : 0);
  /** A post's text, mentioning someone now and then (who is then notified). */
  const writePost = (
    n: (typeof networks)[number],
    topicId: string,
    postId: string,
    authorId: string,
    at: number,
  ) => {
    const sentence = pick(SENTENCES);
    const mentioned = notes.pickMention(n.id, authorId);
    if (!mentioned)
      return { mentioned, bodySource: sentence, bodyHtml: htmlOf.get(sentence), mentions: '[]' };
    const name = nameOf.get(mentioned) as string;
    const bodySource = `@[${name}](${mentioned}) ${sentence}`;
    notes.mention({ userId: mentioned, networkId: n.id, actorId: authorId, topicId, postId, at });
    return {
      mentioned,
      bodySource,
      bodyHtml: renderMarkdown(bodySource, new Map([[mentioned, name]])),
      mentions: JSON.stringify([mentioned]),
    };
  };
  const busySpace = busy.spaces[2] as string;
  let postsLeft = size.posts;
  let fixtureTopic = '';
  let topicCount = 0;
  const topics: Record<string, unknown>[] = [];
  const posts: Record<string, unknown>[] = [];
  const unsaved: GeneratedNotification[] = [];
  const flushNotifications = async (atLeast: number) => {
    unsaved.push(...notes.take());
    if (unsaved.length >= atLeast) await insertBatches(ctx, 'notifications', unsaved.splice(0));
  };
  const flush = async () => {
    await insertBatches(ctx, 'topics', topics.splice(0));
    await insertBatches(ctx, 'posts', posts.splice(0));
  };
  while (postsLeft > 0) {
    const n = rnd() < 0.35 ? busy : pickNetwork();
    const spaceId = n === busy && rnd() < 0.7 ? busySpace : pick(n.spaces);
    const replies = Math.min(postsLeft - 1, fixtureTopic ? Math.floor(-Math.log(1 - rnd()) * 8) : 25);
    const topicId = newId(tick());
    const drawn = pick(n.members);
    const authorId = benchNetworks.has(n) && notes.benchStarts(benchStartChance) ? benchUser.id : drawn;
    if (!fixtureTopic && n === busy) fixtureTopic = topicId;
    const topicCreated = clock;
    const openingId = newId(topicCreated);
    const opening = writePost(n, topicId, openingId, authorId, topicCreated);
    posts.push({
      id: openingId,
      networkId: n.id,
      topicId,
      authorId,
      isOpening: 1,
      bodySource: opening.bodySource,
      bodyHtml: opening.bodyHtml,
      mentions: opening.mentions,
      editedAt: null,
      deletedAt: null,
      deletedBy: null,
      createdAt: iso(topicCreated),
    });
    for (let r = 0; r < replies; r++) {
      const at = tick();
      const id = newId(at);
      const replier = pick(n.members);
      const body = writePost(n, topicId, id, replier, at);
      // A reply notifies the topic's starter (unless they wrote it, or it mentions them).
      if (replier !== authorId && body.mentioned !== authorId)
        notes.reply({ userId: authorId, networkId: n.id, actorId: replier, topicId, postId: id, at });
      posts.push({
        id,
        networkId: n.id,
        topicId,
        authorId: replier,
        isOpening: 0,
        bodySource: body.bodySource,
        bodyHtml: body.bodyHtml,
        mentions: body.mentions,
        editedAt: null,
        deletedAt: null,
        deletedBy: null,
        createdAt: iso(at),
      });
    }
    topics.push({
      id: topicId,
      networkId: n.id,
      spaceId,
      authorId,
      title: pick(TITLES),
      pinned: 0,
      lockedAt: null,
      deletedAt: null,
      deletedBy: null,
      replyCount: replies,
      lastActivityAt: iso(clock),
      createdAt: iso(topicCreated),
      updatedAt: iso(clock),
    });
    postsLeft -= replies + 1;
    topicCount += 1;
    if (posts.length >= 20_000) {
      await flush();
      await flushNotifications(20_000);
    }
  }
  await flush();
  // Written straight into the tables: each author's seen count, as posting would have kept it.
  await recountTopicReads(ctx);
  log(`posts: ${size.posts}`);

  // Conversations: many short direct ones and a few very long ones (the fixture user is in the longest).
  const conversations: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const longest = newId(tick());
  const convoIds: string[] = [longest];
  const addConversation = (id: string, members: string[], kind: 'direct' | 'group') => {
    conversations.push({
      id,
      kind,
      title: kind === 'group' ? 'Generated group' : null,
      directKey: kind === 'direct' ? [...members].sort().join(':') : null,
      createdBy: members[0],
      createdAt: created,
      updatedAt: created,
      lastActivityId: id,
    });
    for (const userId of members)
      participants.push({
        conversationId: id,
        userId,
        historyFrom: '',
        lastReadMessageId: null,
        joinedAt: created,
      });
  };
  addConversation(longest, busy.members.slice(0, 8), 'group');
  const members = new Map<string, string[]>([[longest, busy.members.slice(0, 8)]]);
  const directKeys = new Set<string>();
  const conversationCount = Math.max(10, Math.floor(size.messages / 200));
  for (let c = 0; c < conversationCount; c++) {
    const n = pickNetwork();
    const a = pick(n.members);
    const b = pick(n.members);
    const key = [a, b].sort().join(':');
    if (a === b || directKeys.has(key)) continue;
    directKeys.add(key);
    const id = newId(tick());
    addConversation(id, [a, b], 'direct');
    members.set(id, [a, b]);
    convoIds.push(id);
  }
  // A fifth of the messages go to the longest conversation, the rest evenly to all.
  const perConversation = (size.messages * 0.8) / convoIds.length;
  for (const [id, people] of members)
    notes.addConversation(
      id,
      people,
      id === longest ? size.messages * 0.2 + perConversation : perConversation,
    );
  await insertBatches(ctx, 'conversations', conversations);
  await insertBatches(ctx, 'conversationParticipants', participants);
  const lastActivity = new Map<string, string>();
  const messages: Record<string, unknown>[] = [];
  for (let m = 0; m < size.messages; m++) {
    // A fifth of all messages go to the one long conversation.
    const conversationId = rnd() < 0.2 ? longest : pick(convoIds);
    const people = members.get(conversationId) as string[];
    const body = pick(SENTENCES);
    const at = tick();
    const id = newId(at);
    const senderId = pick(people);
    notes.message(conversationId, senderId, id, at);
    messages.push({
      id,
      conversationId,
      senderId,
      clientId: id,
      body,
      html: htmlOf.get(body),
      revision: id,
      createdAt: iso(at),
      editedAt: null,
      deletedAt: null,
    });
    lastActivity.set(conversationId, id);
    if (messages.length >= 20_000) {
      await insertBatches(ctx, 'messages', messages.splice(0));
      await flushNotifications(20_000);
    }
  }
  await insertBatches(ctx, 'messages', messages.splice(0));
  await withTransaction(ctx, async (tx) => {
    for (const [id, last] of lastActivity)
      await tx.database.db
        .updateTable('conversations')
        .set({ lastActivityId: last })
        .where('id', '=', id)
        .execute();
  });
  log(`messages: ${size.messages} in ${conversations.length} conversations`);
  notes.finishMessages();

  // Announcements: a few in the busiest networks, one in each quiet one, more of them lately.
  const announcements: Record<string, unknown>[] = [];
  for (const [i, n] of networks.entries()) {
    const count = Math.max(1, Math.round(6 / (i + 1)));
    const times = Array.from({ length: count }, () =>
      Math.floor(now - (now - createdMs) * notes.random() ** 2),
    ).sort((a, b) => a - b);
    for (const [k, at] of times.entries()) {
      const id = newId(at);
      const authorId = announcer.get(n.id) as string;
      const body = pick(SENTENCES);
      announcements.push({
        id,
        networkId: n.id,
        authorId,
        title: pick(ANNOUNCEMENT_TITLES),
        bodySource: body,
        bodyHtml: htmlOf.get(body),
        pinned: k === count - 1 ? 1 : 0,
        createdAt: iso(at),
        updatedAt: iso(at),
      });
      notes.announcement({ networkId: n.id, authorId, announcementId: id, members: n.members, at });
      await flushNotifications(20_000);
    }
  }
  await insertBatches(ctx, 'announcements', announcements);
  await flushNotifications(0);
  log(`notifications: ${notes.total}, announcements: ${announcements.length}`);

  // Profiles and help requests, from a stream of their own (the data above stays as it was).
  const support = await generateSupport({
    rnd: random(16),
    now,
    since: createdMs,
    networks,
    busy,
    requests: size.helpRequests,
    insert: (table, rows) => insertBatches(ctx, table, rows),
  });
  log(`profiles: ${users.length}, help requests: ${size.helpRequests}`);
  const eventCount = await generateEvents(ctx, {
    scale,
    networks,
    organiserOf: (networkId) => announcer.get(networkId) ?? orgAdmin,
    rnd: random(31),
    now,
  });
  log(`events: ${eventCount}`);
  // Shared resources: the busiest network's library holds `size.resources` pages and links (each
  // with its first revision), every other network a handful.
  const resources: Record<string, unknown>[] = [];
  const revisions: Record<string, unknown>[] = [];
  for (const [i, n] of networks.entries()) {
    const count = i === 0 ? size.resources : 5;
    const authorId = announcer.get(n.id) as string;
    for (let k = 0; k < count; k++) {
      const at = Math.floor(createdMs + (now - createdMs) * (k / count));
      const id = newId(at);
      const body = pick(SENTENCES);
      const title = `${pick(TITLES)} ${k + 1}`;
      const kind = k % 4 === 3 ? 'link' : 'page';
      const url = kind === 'link' ? `https://example.org/guide/${k}` : null;
      resources.push({
        id,
        networkId: n.id,
        kind,
        title,
        bodySource: body,
        bodyHtml: htmlOf.get(body),
        url,
        attachmentId: null,
        tags: JSON.stringify([pick(['onboarding', 'housing', 'language', 'work'])]),
        language: pick(['de', 'en', 'ar', 'uk']),
        expertise: '[]',
        region: null,
        revision: 1,
        startHere: k < 3 ? k : null,
        createdBy: authorId,
        createdAt: iso(at),
        updatedBy: authorId,
        updatedAt: iso(at),
      });
      revisions.push({
        resourceId: id,
        revision: 1,
        networkId: n.id,
        authorId,
        title,
        bodySource: body,
        url,
        summary: '',
        revertedFrom: null,
        createdAt: iso(at),
      });
    }
  }
  await insertBatches(ctx, 'resources', resources);
  await insertBatches(ctx, 'resourceRevisions', revisions);
  log(`resources: ${resources.length}`);
  const directoryQuery = await generateDirectory({
    rnd: random(41),
    now,
    entries: size.directoryEntries,
    insert: (table, rows) => insertBatches(ctx, table, rows),
  });
  log(`directory entries: ${size.directoryEntries}`);

  const fixture: Fixture = {
    scale,
    email: benchUser.email,
    password: GENERATED_PASSWORD,
    networkSlug: busy.slug,
    spaceId: busySpace,
    topicId: fixtureTopic,
    conversationId: longest,
    helpRequestId: support.fixtureRequestId,
    searchTerm: 'Sprachkurse',
    directoryQuery,
    counts: {
      users: users.length,
      networks: networks.length,
      memberships: memberships.length,
      posts: size.posts,
      topics: topicCount,
      conversations: conversations.length,
      messages: size.messages,
      announcements: announcements.length,
      notifications: notes.total,
      helpRequests: size.helpRequests,
      helpResponses: support.responses,
      helpOffers: support.offers,
      events: eventCount,
      resources: resources.length,
      directoryEntries: size.directoryEntries,
    },
  };
  // PostgreSQL plans by its statistics: without them (autovacuum comes later) a fresh bulk load is
  // read with plans for empty tables (the topic list sorted every topic of a space, 28 ms instead of 1).
  if (ctx.database.dialect === 'postgres') await sql`analyze`.execute(ctx.database.db);
  // On PostgreSQL nothing else has made the data dir.
  mkdirSync(ctx.config.dataDir, { recursive: true });
  writeFileSync(path.join(ctx.config.dataDir, 'bench-fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  return fixture;
}
