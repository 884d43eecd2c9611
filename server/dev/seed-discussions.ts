import { mentionToken } from '../../common/contracts/discussions.ts';
import { canInNetwork } from '../../common/permissions.ts';
import { memberActor } from '../../common/policies/standing.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { isoNow } from '../lib/time.ts';
import {
  ensureDefaultSpaces,
  moderateTopic,
  reactToPost,
  reply,
  startTopic,
} from '../modules/discussions/index.ts';
import { findNetworkBySlug, getStandings } from '../modules/networks/index.ts';
import { findUserByEmail, type UserRow } from '../modules/users/index.ts';

const MIRA = 'meta.mentor@demo.example.org';
const OTTO = 'office@demo.example.org';
const ELENA = 'mentor.experienced@demo.example.org';
const BOGDAN = 'mentor.beginner@demo.example.org';
const AMAL = 'mentor.arabic@demo.example.org';
const ELENI = 'mentor.greek@demo.example.org';
const OLENA = 'mentor.ukrainian@demo.example.org';
const MARTA = 'meta.partner@demo.example.org';

type Mention = (email: string) => string;

interface DemoTopic {
  space: 'ideas' | 'experiences' | 'questions';
  author: string;
  title: string;
  body: (m: Mention) => string;
  replies: { author: string; body: (m: Mention) => string }[];
  reactions?: [string, 'like' | 'heart' | 'thanks' | 'celebrate'][];
  pinned?: boolean;
}

interface DemoDiscussion {
  slug: string;
  moderator: string;
  topics: DemoTopic[];
  announcement: { author: string; title: string; body: string };
}

/** Fictional conversations between the demo people (all names and places are made up). */
const DEMO_DISCUSSIONS: DemoDiscussion[] = [
  {
    slug: 'demo-mentors-musterstadt',
    moderator: MIRA,
    announcement: {
      author: MIRA,
      title: 'Willkommen im Netzwerk! / Welcome to the network!',
      body: 'Schön, dass ihr dabei seid. Unser nächstes Treffen ist am **ersten Dienstag im Monat** im Nachbarschaftshaus (fiktiv).\n\nGood to have you here. Our next meeting is on the **first Tuesday of the month** at the (fictional) community centre.',
    },
    topics: [
      {
        space: 'ideas',
        author: MIRA,
        title: 'Idee: Tandems für neue Mentorinnen und Mentoren',
        pinned: true,
        body: () =>
          'Ich schlage vor, dass jede neue Mentorin und jeder neue Mentor in den ersten drei Monaten ein erfahrenes Tandem bekommt.\n\n- ein kurzes Kennenlerngespräch\n- ein Anruf pro Monat\n- Fragen jederzeit hier im Forum\n\nWas meint ihr?',
        replies: [
          {
            author: ELENA,
            body: () =>
              'Sehr gute Idee! Ich übernehme gern ein Tandem. Am Anfang hätte mir das sehr geholfen.',
          },
          {
            author: ELENI,
            body: () =>
              'I would love to have a tandem partner. I am still new and sometimes unsure whom to ask.',
          },
        ],
        reactions: [
          [ELENA, 'like'],
          [ELENI, 'heart'],
          [OTTO, 'like'],
        ],
      },
      {
        space: 'questions',
        author: BOGDAN,
        title: 'Anmeldung beim Bürgeramt: welche Unterlagen?',
        body: () =>
          'Meine Mentee hat nächste Woche ihren Termin zur Anmeldung. Welche Unterlagen sollte sie mitbringen? Die Wohnungsgeberbestätigung haben wir schon.',
        replies: [
          {
            author: ELENA,
            body: () =>
              'Reisepass oder Ankunftsnachweis, die **Wohnungsgeberbestätigung** und das ausgefüllte Anmeldeformular. Tipp: vorher Kopien machen!',
          },
          {
            author: AMAL,
            body: () => 'إذا كانت تحتاج إلى ترجمة، يمكنني مرافقتها إلى الموعد. أتحدث العربية والألمانية.',
          },
          {
            author: BOGDAN,
            body: (m) => `${m(AMAL)} Danke, das wäre wunderbar! Ich schreibe dir eine Nachricht.`,
          },
        ],
        reactions: [
          [BOGDAN, 'thanks'],
          [MIRA, 'like'],
        ],
      },
      {
        space: 'experiences',
        author: ELENA,
        title: 'What worked for us: a weekly language café',
        body: () =>
          'For half a year we have met every Thursday in a (fictional) café: mentors, mentees and neighbours.\n\n1. Keep it informal, no lesson plan.\n2. One table per language level.\n3. Bring board games — they break the ice.\n\nAttendance went from 4 to about 15 people.',
        replies: [
          {
            author: AMAL,
            body: () => 'نفعل شيئًا مشابهًا مع النساء في الحي. الألعاب فكرة رائعة!',
          },
          {
            author: OTTO,
            body: (m) =>
              `${m(ELENA)} Wir können den Raum im Büro donnerstags kostenlos zur Verfügung stellen.`,
          },
        ],
        reactions: [
          [MIRA, 'celebrate'],
          [AMAL, 'heart'],
        ],
      },
    ],
  },
  {
    slug: 'demo-rete-mentori',
    moderator: MARTA,
    announcement: {
      author: MARTA,
      title: 'Incontro mensile / Monthly meeting',
      body: 'Ci vediamo giovedì alle 18:00 online. Ordine del giorno: nuovi mentori e riconoscimento dei titoli di studio.\n\nWe meet on Thursday at 18:00 online.',
    },
    topics: [
      {
        space: 'questions',
        author: OLENA,
        title: 'Визнання диплома медсестри — з чого почати?',
        body: () =>
          'Моя підопічна — медсестра з України. Хто вже проходив процедуру визнання диплома в Італії? З чого почати?',
        replies: [
          {
            author: ELENA,
            body: () =>
              'Ciao Olena! Il primo passo è chiedere la dichiarazione di valore. Posso aiutarvi con i moduli in italiano.',
          },
          {
            author: MARTA,
            body: (m) =>
              `${m(ELENA)} grazie! Olena, I will add a short checklist to our shared resources next week.`,
          },
        ],
        reactions: [[OLENA, 'thanks']],
      },
      {
        space: 'experiences',
        author: ELENA,
        title: 'Il primo colloquio di lavoro del mio mentee',
        body: () =>
          'Ieri il mio mentee ha fatto il suo primo colloquio in una panetteria (immaginaria). Abbiamo fatto una prova il giorno prima: ha aiutato tantissimo a ridurre l’ansia.',
        replies: [{ author: OLENA, body: () => 'Чудова ідея з репетицією! Спробую з моєю підопічною.' }],
        reactions: [
          [MARTA, 'celebrate'],
          [OLENA, 'like'],
        ],
      },
    ],
  },
];

/**
 * Fills the demo networks with their spaces, a few conversations in several languages and an
 * announcement. Networks that already have topics are left alone, so running it twice changes nothing.
 */
export async function seedDiscussions(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const users = new Map<string, UserRow>();
  const user = async (email: string): Promise<UserRow> => {
    let found = users.get(email);
    if (!found) {
      found = await findUserByEmail(ctx, email);
      if (!found) throw new Error(`demo user ${email} missing`);
      users.set(email, found);
    }
    return found;
  };
  for (const demo of DEMO_DISCUSSIONS) {
    const network = await findNetworkBySlug(ctx, demo.slug);
    if (!network) continue;
    await ensureDefaultSpaces(ctx, network.id);
    const existing = await db
      .selectFrom('topics')
      .select('id')
      .where('networkId', '=', network.id)
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    const spaces = await db
      .selectFrom('spaces')
      .select(['id', 'key'])
      .where('networkId', '=', network.id)
      .execute();
    const names = new Map<string, string>();
    for (const email of new Set(demo.topics.flatMap((t) => [t.author, ...t.replies.map((r) => r.author)]))) {
      const u = await user(email);
      names.set(email, mentionToken(u));
    }
    const m: Mention = (email) => names.get(email) ?? '';
    const moderator = await user(demo.moderator);
    // Each person reads as the policy says: whether they moderate follows from their role there.
    const everyone = new Set([
      demo.moderator,
      ...demo.topics.flatMap((t) => [
        t.author,
        ...t.replies.map((r) => r.author),
        ...(t.reactions ?? []).map(([email]) => email),
      ]),
    ]);
    const people = await Promise.all([...everyone].map(user));
    const standings = await getStandings(
      ctx,
      people.map((u) => u.id),
    );
    const readerOf = (u: UserRow) => {
      const here = standings.get(u.id)?.find((s) => s.networkId === network.id);
      const isModerator =
        here !== undefined && canInNetwork(memberActor(here), 'discussions.moderate', here.visibility);
      return { userId: u.id, isModerator };
    };

    for (const spec of demo.topics) {
      const author = await user(spec.author);
      const spaceId = spaces.find((s) => s.key === spec.space)?.id;
      if (!spaceId) continue;
      const topic = await startTopic(ctx, network, author, readerOf(author), {
        spaceId,
        title: spec.title,
        body: spec.body(m),
        attachmentIds: [],
      });
      for (const r of spec.replies) {
        const replier = await user(r.author);
        await reply(ctx, network, replier, readerOf(replier), topic.id, {
          body: r.body(m),
          attachmentIds: [],
        });
      }
      for (const [email, reaction] of spec.reactions ?? []) {
        const reactor = await user(email);
        await reactToPost(ctx, network, readerOf(reactor), topic.opening.id, reaction);
      }
      if (spec.pinned) await moderateTopic(ctx, network, readerOf(moderator), topic.id, { pinned: true });
    }

    // Straight into the table: seeding must not mail the demo people (the body mentions nobody).
    const author = await user(demo.announcement.author);
    const now = isoNow();
    await db
      .insertInto('announcements')
      .values({
        id: newId(),
        networkId: network.id,
        authorId: author.id,
        title: demo.announcement.title,
        bodySource: demo.announcement.body,
        bodyHtml: renderMarkdown(demo.announcement.body),
        pinned: 1,
        shareWithPartners: 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
}
