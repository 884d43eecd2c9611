import { ACTIVITY_KINDS } from '../../common/activities.ts';
import { EXPERTISE_AREAS } from '../../common/expertise.ts';
import type { DB } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';

/**
 * How many mentoring-log entries the generated data set holds over its last year, shared by the
 * networks' weights with the busiest one (whose year the impact report's benchmark reads) counted
 * at half a weight more: about 28 % of them in the small set, 11 % in the large one.
 */
export const ACTIVITY_SCALES = { small: 3_000, large: 120_000 } as const;

const DAY = 86_400_000;
const DURATIONS = [30, 45, 60, 60, 90, 120, 180] as const;

interface GeneratedNetwork {
  id: string;
  weight: number;
  members: string[];
}

/**
 * Mentoring-log entries of the last year (no notes: a note is sealed with the server's key, and the
 * report never reads it). About two in five members of a network log; each keeps a few mentee codes
 * of their own. Returns how many entries it made.
 */
export async function generateActivities(input: {
  scale: keyof typeof ACTIVITY_SCALES;
  networks: readonly GeneratedNetwork[];
  rnd: () => number;
  now: number;
  insert: <T extends keyof DB & string>(table: T, rows: readonly object[]) => Promise<void>;
}): Promise<number> {
  const { rnd, now } = input;
  const pick = <V>(list: readonly V[]): V => list[Math.floor(rnd() * list.length)] as V;
  const total = ACTIVITY_SCALES[input.scale];
  const weights = input.networks.map((n, i) => (i === 0 ? 0.5 : n.weight));
  const sum = weights.reduce((a, b) => a + b, 0);
  const rows: Record<string, unknown>[] = [];
  for (const [i, network] of input.networks.entries()) {
    const loggers = network.members.slice(0, Math.max(1, Math.ceil(network.members.length * 0.4)));
    const count = Math.round((total * (weights[i] ?? 0)) / sum);
    for (let k = 0; k < count; k++) {
      const at = now - Math.floor(rnd() * 365 * DAY);
      const created = new Date(at).toISOString();
      const topics = new Set([pick(EXPERTISE_AREAS), ...(rnd() < 0.4 ? [pick(EXPERTISE_AREAS)] : [])]);
      rows.push({
        id: newId(at),
        networkId: network.id,
        userId: pick(loggers),
        occurredOn: created.slice(0, 10),
        durationMinutes: pick(DURATIONS),
        kind: pick(ACTIVITY_KINDS),
        topics: JSON.stringify([...topics]),
        menteeCode: `M${1 + Math.floor(rnd() * 4)}`,
        noteSealed: null,
        privacyConfirmedAt: null,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
  await input.insert('activities', rows);
  return rows.length;
}
