import {
  ACTIVITY_DURATION_MAX_MINUTES,
  ACTIVITY_KINDS,
  type ActivityKind,
} from '../../../../common/activities.ts';
import { EXPERTISE_AREAS, type ExpertiseArea } from '../../../../common/expertise.ts';
import type { LastValues } from './api.ts';

const STORAGE_KEY = 'mentornet.activity-log.last';

export const DEFAULT_LAST_VALUES: LastValues = {
  networkSlug: null,
  kind: 'meeting',
  durationMinutes: 60,
  topics: [],
  menteeCode: '',
};

/**
 * The values of the last entry, read back from this device's storage; anything that no longer
 * fits (a kind or topic that was removed, a broken entry) falls back to the defaults.
 */
export function readLastValues(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): LastValues {
  try {
    const raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<LastValues> | null;
    if (!raw || typeof raw !== 'object') return DEFAULT_LAST_VALUES;
    const kind = ACTIVITY_KINDS.includes(raw.kind as ActivityKind) ? (raw.kind as ActivityKind) : 'meeting';
    const minutes = Number(raw.durationMinutes);
    return {
      networkSlug: typeof raw.networkSlug === 'string' ? raw.networkSlug : null,
      kind,
      durationMinutes:
        Number.isInteger(minutes) && minutes >= 1 && minutes <= ACTIVITY_DURATION_MAX_MINUTES ? minutes : 60,
      topics: Array.isArray(raw.topics)
        ? raw.topics.filter((a): a is ExpertiseArea => EXPERTISE_AREAS.includes(a as ExpertiseArea))
        : [],
      menteeCode: typeof raw.menteeCode === 'string' ? raw.menteeCode.slice(0, 12) : '',
    };
  } catch {
    return DEFAULT_LAST_VALUES;
  }
}

export function saveLastValues(
  values: LastValues,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(values));
  } catch {
    // Private mode or a full storage: the form simply starts from the defaults next time.
  }
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Whether a mentee code looks like a first name ("Amira", "Olek"): a capital followed by small
 * letters only. The form then warns; the server accepts it (a code may be a word), but names
 * must not be used.
 */
export function looksLikeName(code: string): boolean {
  return /^\p{Lu}\p{Ll}{2,}$/u.test(code.trim());
}
