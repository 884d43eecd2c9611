import { EXPERTISE_AREAS } from '../../common/expertise.ts';
import type { DB } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';

/** A generated network as generate-data.ts keeps it. */
interface GeneratedNetwork {
  id: string;
  members: string[];
}

export interface SupportOptions {
  rnd: () => number;
  now: number;
  /** When the generated networks began (ms). */
  since: number;
  networks: GeneratedNetwork[];
  busy: GeneratedNetwork;
  requests: number;
  insert: <T extends keyof DB & string>(table: T, rows: readonly object[]) => Promise<void>;
}

// Fictional requests for support, written for this generator.
const REQUESTS = [
  [
    'Appointment at the immigration office',
    'Has anyone been to the new appointment system? My mentee got no slot for weeks.',
  ],
  [
    'Wohnungssuche mit Schufa-Problem',
    'Gibt es Vermieter, die ohne Schufa-Auskunft vermieten? Wir suchen seit Monaten.',
  ],
  [
    'Riconoscimento del diploma',
    'Come si fa il riconoscimento di un diploma di infermiera? Chi ha esperienza?',
  ],
  ['Szkoła dla nastolatka', 'Jak zapisać 15-latka do szkoły w trakcie roku szkolnego?'],
  ['Παιδίατρος που μιλά αραβικά', 'Ξέρει κανείς παιδίατρο που μιλά αραβικά στην περιοχή;'],
  ['مساعدة في طلب السكن', 'هل يمكن لأحد مساعدتي في ملء طلب السكن الاجتماعي؟'],
  ['Допомога з банківським рахунком', 'Банк відмовляє відкрити рахунок без прописки. Що робити?'],
  ['First job interview', 'My mentee has a first interview next week; how did you prepare yours?'],
  ['Psychologische Unterstützung', 'Wo gibt es kurzfristig psychosoziale Beratung auf Dari oder Farsi?'],
  [
    'Benefits letter nobody understands',
    'We got a letter about a repayment of benefits. Who can read it with us?',
  ],
] as const;
const REGIONS = ['Musterstadt', 'Musterstadt-Nord', 'Beispielhausen', 'Altstadt', 'Neudorf', 'Hafenviertel'];
const LANGUAGES = ['de', 'en', 'ar', 'uk', 'it', 'pl', 'el', 'fa', 'tr', 'ru'];
const AVAILABILITY = ['Tuesday evenings', 'weekends', 'Montags ab 17 Uhr', 'mornings'];
const DAY = 86_400_000;

/**
 * Profiles (region, languages, expertise, availability) for every generated member, and help
 * requests with responses and offers: most in the busy network, older ones mostly resolved. All
 * fictional. Returns an open request of the busy network for the benchmark.
 */
export async function generateSupport(o: SupportOptions) {
  const { rnd } = o;
  const pick = <V>(list: readonly V[]): V => list[Math.floor(rnd() * list.length)] as V;
  const some = <V>(list: readonly V[], max: number): V[] => {
    const n = 1 + Math.floor(rnd() * max);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const updated = iso(o.now - 30 * DAY);

  const userIds = [...new Set(o.networks.flatMap((n) => n.members))];
  const profiles: object[] = [];
  const languages: object[] = [];
  const expertise: object[] = [];
  for (const userId of userIds) {
    profiles.push({
      userId,
      region: pick(REGIONS),
      availability: rnd() < 0.4 ? pick(AVAILABILITY) : '',
      experienceLevel: null,
      bio: '',
      avatarKey: null,
      visibility: 'network',
      lookingForBuddy: rnd() < 0.05 ? 1 : 0,
      openToBuddy: rnd() < 0.2 ? 1 : 0,
      updatedAt: updated,
    });
    for (const language of some(LANGUAGES, 3)) languages.push({ userId, language });
    for (const area of some(EXPERTISE_AREAS, 3)) expertise.push({ userId, area });
  }
  await o.insert('profiles', profiles);
  await o.insert('profileLanguages', languages);
  await o.insert('profileExpertise', expertise);

  const html = new Map(REQUESTS.map(([, body]) => [body, renderMarkdown(body)]));
  const times = Array.from({ length: o.requests }, () => o.since + (o.now - o.since) * rnd() ** 0.5).sort(
    (a, b) => a - b,
  );
  const requests: object[] = [];
  const responses: object[] = [];
  const offers: object[] = [];
  let fixtureRequestId = '';
  for (const [i, created] of times.entries()) {
    const last = i === times.length - 1;
    // A long tail: the busy network asks most, then fewer and fewer.
    const n =
      last || rnd() < 0.4 ? o.busy : (o.networks[Math.floor(rnd() ** 2 * o.networks.length)] ?? o.busy);
    const id = newId(Math.floor(created));
    const requesterId = pick(n.members);
    const [title, body] = pick(REQUESTS);
    const age = o.now - created;
    const helpers = [...new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(n.members)))].filter(
      (h) => h !== requesterId,
    );
    const answering = last ? [] : helpers.slice(0, Math.floor(rnd() * (helpers.length + 1)));
    const offering = last ? helpers.slice(0, 1) : helpers.filter(() => rnd() < 0.5);
    let at = created;
    let firstResponseAt: string | null = null;
    for (const authorId of answering) {
      at += rnd() * 2 * DAY;
      firstResponseAt ??= iso(at);
      const [, text] = pick(REQUESTS);
      responses.push({
        id: newId(Math.floor(at)),
        requestId: id,
        networkId: n.id,
        authorId,
        bodySource: text,
        bodyHtml: html.get(text),
        createdAt: iso(at),
      });
    }
    for (const helperId of offering)
      offers.push({ requestId: id, helperId, networkId: n.id, createdAt: iso(created + DAY / 4) });
    const resolved = !last && firstResponseAt !== null && rnd() < (age > 30 * DAY ? 0.9 : 0.3);
    const status = last ? 'open' : resolved ? 'resolved' : firstResponseAt ? 'answered' : 'open';
    if (resolved) at += DAY;
    const activity = iso(Math.min(Math.max(at, created + (offering.length > 0 ? DAY / 4 : 0)), o.now));
    requests.push({
      id,
      networkId: n.id,
      requesterId,
      kind: 'question',
      status,
      title,
      bodySource: body,
      bodyHtml: html.get(body),
      expertise: JSON.stringify(last ? ['housing', 'benefits'] : some(EXPERTISE_AREAS, 2)),
      languages: JSON.stringify(last ? ['de'] : some(LANGUAGES, 2)),
      urgency: pick(['this_week', 'soon', 'whenever']),
      deadline: null,
      privacyConfirmedAt: null,
      responseCount: answering.length,
      offerCount: offering.length,
      createdAt: iso(created),
      updatedAt: iso(created),
      lastActivityAt: activity,
      firstResponseAt,
      resolvedAt: resolved ? activity : null,
      resolvedBy: resolved ? requesterId : null,
      thanksNote: '',
      escalatedAt: null,
    });
    if (last) fixtureRequestId = id;
  }
  await o.insert('helpRequests', requests);
  await o.insert('helpResponses', responses);
  await o.insert('helpOffers', offers);
  return { fixtureRequestId, responses: responses.length, offers: offers.length };
}
