import { formatLocal, localToUtc } from '../../common/event-time.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';

/** How many events a network of weight 1 (the busiest) has; the others have fewer, by weight. */
export const EVENT_SCALES = {
  small: { oneOffs: 60, series: 8 },
  large: { oneOffs: 1_500, series: 150 },
} as const;

const DAY = 86_400_000;
const ZONES = [
  'Europe/Berlin',
  'Europe/Rome',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Kyiv',
  'Europe/London',
];
const TITLES = [
  'Mentor café',
  'Kick-off meeting',
  'Stammtisch der Mentorinnen und Mentoren',
  'Incontro mensile',
  'Spotkanie mentorów',
  'Συνάντηση μεντόρων',
  'لقاء الموجهين',
  'Зустріч менторів',
  'Training: first steps with a new mentee',
];
const DESCRIPTION =
  'We meet to share experiences. Bring your questions — **no personal data of mentees**, please.';

interface GeneratedNetwork {
  id: string;
  weight: number;
  members: string[];
}

/**
 * Events for the generated data set: in every network one-off meetings from a year ago to a year
 * ahead and weekly or monthly series (most without end), by the network's weight, with organisers,
 * some changed occurrences and RSVPs. Returns how many events it made.
 */
export async function generateEvents(
  ctx: { database: Database },
  input: {
    scale: keyof typeof EVENT_SCALES;
    networks: readonly GeneratedNetwork[];
    organiserOf: (networkId: string) => string;
    rnd: () => number;
    now: number;
  },
): Promise<number> {
  const { rnd, now } = input;
  const size = EVENT_SCALES[input.scale];
  const top = Math.max(...input.networks.map((n) => n.weight));
  const pick = <V>(list: readonly V[]): V => list[Math.floor(rnd() * list.length)] as V;
  const iso = (ms: number) => new Date(ms).toISOString();
  const html = renderMarkdown(DESCRIPTION);
  const events: DB['events'][] = [];
  const organisers: DB['eventOrganisers'][] = [];
  const changes: DB['eventOccurrences'][] = [];
  const rsvps: DB['eventRsvps'][] = [];
  for (const network of input.networks) {
    const share = network.weight / top;
    const counts = {
      oneOffs: Math.max(2, Math.round(size.oneOffs * share)),
      series: Math.max(1, Math.round(size.series * share)),
    };
    const organiser = input.organiserOf(network.id);
    for (let i = 0; i < counts.oneOffs + counts.series; i++) {
      const isSeries = i >= counts.oneOffs;
      const zone = pick(ZONES);
      // One-offs from a year back to a year ahead; series began in the last two years.
      const day = isSeries
        ? now - Math.floor(rnd() * 730) * DAY
        : now + Math.floor((rnd() * 2 - 1) * 365) * DAY;
      const startFloating = Math.floor(day / DAY) * DAY + (9 + Math.floor(rnd() * 11)) * 3_600_000;
      const startsLocal = formatLocal(startFloating);
      const endsLocal = formatLocal(startFloating + (1 + Math.floor(rnd() * 3)) * 3_600_000);
      const weekly = rnd() < 0.5;
      const ends =
        isSeries && rnd() < 0.3 ? formatLocal(startFloating + Math.floor(rnd() * 500) * DAY) : null;
      const recurrence = isSeries
        ? {
            freq: weekly ? 'weekly' : 'monthly',
            interval: weekly && rnd() < 0.3 ? 2 : 1,
            weekdays: [],
            monthly: rnd() < 0.7 ? 'nth_weekday' : 'day_of_month',
            until: ends ? ends.slice(0, 10) : null,
            count: null,
          }
        : null;
      const startsAt = iso(localToUtc(startsLocal, zone));
      const endsAt = iso(localToUtc(endsLocal, zone));
      const id = newId(startFloating - 30 * DAY);
      const created = iso(Math.min(now, startFloating - 30 * DAY));
      const online = rnd() < 0.5;
      const capacity = rnd() < 0.4 ? 10 + Math.floor(rnd() * 40) : null;
      events.push({
        id,
        networkId: network.id,
        title: pick(TITLES),
        description: DESCRIPTION,
        descriptionHtml: html,
        language: pick(['de', 'en', 'it', 'pl', 'el', 'ar', 'uk']),
        format: online ? 'online' : 'on_site',
        onlineUrl: online ? 'https://meet.example.org/generated' : null,
        address: online ? null : 'Musterstraße 1, 12345 Musterstadt',
        timeZone: zone,
        startsLocal,
        endsLocal,
        startsAt,
        endsAt,
        // A series with an end: its last day plus a day of room (the platform computes it exactly).
        lastEndsAt: !isSeries
          ? endsAt
          : ends
            ? iso(localToUtc(`${ends.slice(0, 10)}T23:59`, zone) + DAY)
            : null,
        recurrence: recurrence ? JSON.stringify(recurrence) : null,
        capacity,
        shareWithPartners: 0,
        isPublic: 0,
        status: rnd() < 0.03 ? 'cancelled' : 'scheduled',
        cancelReason: '',
        sequence: 0,
        createdBy: organiser,
        createdAt: created,
        updatedAt: created,
      });
      organisers.push({ eventId: id, userId: organiser });
      if (isSeries && rnd() < 0.3) {
        // One occurrence of the coming weeks is cancelled; the series' first week is a fine key
        // only if it is one, so pick the start itself plus whole weeks for weekly series.
        const key = weekly ? formatLocal(startFloating + 7 * DAY * (recurrence?.interval ?? 1)) : startsLocal;
        changes.push({
          eventId: id,
          occurrenceKey: key,
          state: 'cancelled',
          startsLocal: null,
          endsLocal: null,
          updatedAt: created,
        });
      }
      const answers = Math.floor(rnd() * Math.min(15, network.members.length));
      const people = new Set<string>();
      for (let a = 0; a < answers; a++) people.add(pick(network.members));
      let yes = 0;
      for (const userId of people) {
        const response = pick(['yes', 'yes', 'maybe', 'no'] as const);
        const waiting = response === 'yes' && capacity !== null && yes >= capacity ? 1 : 0;
        if (response === 'yes' && !waiting) yes += 1;
        rsvps.push({ eventId: id, userId, response, waiting, respondedAt: created });
      }
    }
  }
  await withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const batch = async <T extends 'events' | 'eventOrganisers' | 'eventOccurrences' | 'eventRsvps'>(
      table: T,
      rows: readonly DB[T][],
    ) => {
      const width = rows[0] ? Object.keys(rows[0]).length : 1;
      const size = Math.max(1, Math.floor(8_000 / width));
      for (let i = 0; i < rows.length; i += size)
        await db
          .insertInto(table)
          .values(rows.slice(i, i + size) as never)
          .execute();
    };
    await batch('events', events);
    await batch('eventOrganisers', organisers);
    await batch('eventOccurrences', changes);
    await batch('eventRsvps', rsvps);
  });
  return events.length;
}
