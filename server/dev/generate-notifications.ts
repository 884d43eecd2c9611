import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Share of posts that mention someone. */
export const MENTION_SHARE = 0.06;
/** What the benchmark user should end up with (a few hundred notifications in all). */
export const BENCH_TARGETS = { mentions: 120, startedTopics: 15, messages: 80 } as const;

/** A notifications row as the notifications module writes it (the kinds and e-mail routes generated here). */
export type GeneratedNotification = Omit<Selectable<DB['notifications']>, 'helpRequestId'> & {
  kind: 'mention' | 'reply' | 'message' | 'announcement';
  email: 'immediate' | 'daily';
};

/** Unread messages of one conversation from the recipient's last message on (one grouped notification). */
interface Run {
  count: number;
  firstAt: number;
  lastAt: number;
  lastId: string;
  lastSender: string;
}

/**
 * Decides the notifications of generated activity as the platform would have written them, from a
 * stream of its own (the rest of the generated data does not change with it):
 * - a post mentions someone now and then (members are mentioned by a long-tailed activity weight);
 * - a reply notifies the topic's starter (the platform also notifies earlier repliers; the starter
 *   alone keeps the set to a realistic size without changing the long tail);
 * - unread messages of a conversation are grouped into one notification until the recipient writes
 *   there themselves (then it is read); only a long-tailed share of these runs is kept, most for the
 *   busiest people, so most members have a few and some have many;
 * - an announcement notifies every member of its network.
 * Each member last visited some time ago: what came before is read (a few stay unread), what came
 * after is not. Notifications older than a day went out by e-mail (the digest, or at once for
 * announcements); the last day's unread ones are still waiting for the digest.
 */
export class NotificationSampler {
  readonly #rnd: () => number;
  readonly #now: number;
  readonly #benchUserId: string;
  readonly #activity = new Map<string, number>();
  readonly #lastVisit = new Map<string, number>();
  readonly #messageRate = new Map<string, number>();
  readonly #mentionPickers = new Map<string, (r: number) => string>();
  readonly #runs = new Map<string, Map<string, Run | null>>();
  readonly #rows: GeneratedNotification[] = [];
  #total = 0;

  constructor(options: { rnd: () => number; now: number; userIds: readonly string[]; benchUserId: string }) {
    this.#rnd = options.rnd;
    this.#now = options.now;
    this.#benchUserId = options.benchUserId;
    for (const id of options.userIds) {
      // Pareto (α = 1.2): most people are quiet, a few are very active; capped.
      this.#activity.set(id, Math.min(40, (1 - this.#rnd()) ** (-1 / 1.2)));
      // Days since the last visit, long-tailed too (some have not been back for months).
      const away = id === options.benchUserId ? 2 : Math.min(365, (1 - this.#rnd()) ** (-1 / 0.8));
      this.#lastVisit.set(id, this.#now - away * DAY);
    }
  }

  /** How many notifications were decided so far. */
  get total(): number {
    return this.#total;
  }

  /** Rows decided since the last call (to insert in batches). */
  take(): GeneratedNotification[] {
    return this.#rows.splice(0);
  }

  /**
   * A network's members become mentionable. `benchShare` is the share of the network's mentions
   * that go to the benchmark user (0 when they are not a member).
   */
  addNetwork(networkId: string, members: readonly string[], benchShare: number): void {
    const others = members.filter((id) => id !== this.#benchUserId);
    const weights = others.map((id) => this.#activity.get(id) ?? 1);
    const sum = weights.reduce((a, b) => a + b, 0);
    const ids = [...others];
    if (benchShare > 0) {
      ids.push(this.#benchUserId);
      weights.push((sum * benchShare) / (1 - benchShare));
    }
    const cumulative: number[] = [];
    let running = 0;
    for (const w of weights) {
      running += w;
      cumulative.push(running);
    }
    this.#mentionPickers.set(networkId, (r) => {
      const target = r * running;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
        else hi = mid;
      }
      return ids[lo] as string;
    });
  }

  /** Whether this post mentions someone, and whom (never its author). */
  pickMention(networkId: string, authorId: string): string | null {
    if (this.#rnd() >= MENTION_SHARE) return null;
    const picker = this.#mentionPickers.get(networkId);
    const target = picker?.(this.#rnd()) ?? null;
    return target === authorId ? null : target;
  }

  /** A number in [0, 1) from the notifications' own stream. */
  random(): number {
    return this.#rnd();
  }

  /** Whether the benchmark user starts this topic instead of the drawn member. */
  benchStarts(chance: number): boolean {
    return this.#rnd() < chance;
  }

  /** A post mentioned someone. */
  mention(p: {
    userId: string;
    networkId: string;
    actorId: string;
    topicId: string;
    postId: string;
    at: number;
  }) {
    this.#push({ ...p, kind: 'mention', email: 'daily' }, p.at);
  }

  /** A reply in a topic someone started (not by them, not mentioning them). */
  reply(p: {
    userId: string;
    networkId: string;
    actorId: string;
    topicId: string;
    postId: string;
    at: number;
  }) {
    this.#push({ ...p, kind: 'reply', email: 'daily' }, p.at);
  }

  /** An announcement to each member but its author. */
  announcement(p: {
    networkId: string;
    authorId: string;
    announcementId: string;
    members: readonly string[];
    at: number;
  }) {
    for (const userId of p.members) {
      if (userId === p.authorId) continue;
      this.#push(
        {
          userId,
          kind: 'announcement',
          email: 'immediate',
          networkId: p.networkId,
          actorId: p.authorId,
          announcementId: p.announcementId,
        },
        p.at,
      );
    }
  }

  /**
   * A conversation's participants; `expectedMessages` sets how many of each one's runs of unread
   * messages to keep (busy people and the benchmark user keep more).
   */
  addConversation(conversationId: string, participants: readonly string[], expectedMessages: number): void {
    const runs = new Map<string, Run | null>();
    for (const userId of participants) {
      runs.set(userId, null);
      const target =
        userId === this.#benchUserId ? BENCH_TARGETS.messages : 1.5 * (this.#activity.get(userId) ?? 1);
      // Each participant's own messages end a run: about this many runs per conversation.
      const runsHere = Math.max(1, expectedMessages / participants.length);
      this.#messageRate.set(userId, (this.#messageRate.get(userId) ?? 0) + runsHere / target);
    }
    this.#runs.set(conversationId, runs);
  }

  /** A message was sent: it is unread for the others, and the sender has read everything before it. */
  message(conversationId: string, senderId: string, messageId: string, at: number): void {
    const runs = this.#runs.get(conversationId);
    if (!runs) return;
    for (const [userId, run] of runs) {
      if (userId === senderId) {
        if (run) this.#endRun(userId, conversationId, run, at);
        runs.set(userId, null);
      } else if (run) {
        run.count += 1;
        run.lastAt = at;
        run.lastId = messageId;
        run.lastSender = senderId;
      } else {
        runs.set(userId, { count: 1, firstAt: at, lastAt: at, lastId: messageId, lastSender: senderId });
      }
    }
  }

  /** Runs still open at the end are the unread message notifications. */
  finishMessages(): void {
    for (const [conversationId, runs] of this.#runs) {
      for (const [userId, run] of runs) if (run) this.#endRun(userId, conversationId, run, null);
    }
    this.#runs.clear();
  }

  #endRun(userId: string, conversationId: string, run: Run, readAt: number | null): void {
    // messageRate holds runs per kept notification: keep one run in that many.
    const every = this.#messageRate.get(userId) ?? 1;
    if (this.#rnd() * every >= 1) return;
    const createdAt = new Date(run.firstAt).toISOString();
    const emailedAt = run.firstAt + DAY <= this.#now ? new Date(run.firstAt + DAY).toISOString() : null;
    this.#rows.push({
      id: newId(run.firstAt),
      userId,
      kind: 'message',
      networkId: null,
      actorId: run.lastSender,
      topicId: null,
      postId: null,
      conversationId,
      messageId: run.lastId,
      announcementId: null,
      eventId: null,
      count: run.count,
      email: 'daily',
      readAt: readAt === null ? null : new Date(readAt).toISOString(),
      emailedAt,
      createdAt,
      updatedAt: new Date(run.lastAt).toISOString(),
    });
    this.#total += 1;
  }

  #push(
    p: Partial<GeneratedNotification> & Pick<GeneratedNotification, 'userId' | 'kind' | 'email'>,
    at: number,
  ): void {
    const lastVisit = this.#lastVisit.get(p.userId) ?? this.#now;
    // Seen at the last visit or before it (one in ten is left unread); newer ones are unread.
    let readAt: string | null = null;
    if (at <= lastVisit && this.#rnd() >= 0.1) {
      const later = at + Math.floor(-Math.log(1 - this.#rnd()) * 8 * HOUR);
      readAt = new Date(Math.min(later, lastVisit)).toISOString();
    }
    const mailedAt = p.email === 'immediate' ? at + 60_000 : at + DAY;
    this.#rows.push({
      id: newId(at),
      userId: p.userId,
      kind: p.kind,
      networkId: p.networkId ?? null,
      actorId: p.actorId ?? null,
      topicId: p.topicId ?? null,
      postId: p.postId ?? null,
      conversationId: null,
      messageId: null,
      announcementId: p.announcementId ?? null,
      eventId: null,
      count: 1,
      email: p.email,
      readAt,
      emailedAt: mailedAt <= this.#now ? new Date(mailedAt).toISOString() : null,
      createdAt: new Date(at).toISOString(),
      updatedAt: new Date(at).toISOString(),
    });
    this.#total += 1;
  }
}
