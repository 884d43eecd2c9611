import type { Space, SpaceList } from '../../../common/contracts/discussions.ts';
import type { Locale } from '../../../common/locales.ts';
import { translate } from '../../lib/i18n.ts';
import type { SpaceListRow } from './spaces.repository.ts';

/** The spaces every network starts with, and the catalogue keys of their names. */
export const DEFAULT_SPACES = {
  ideas: 'discussions.spaces.ideas',
  experiences: 'discussions.spaces.experiences',
  questions: 'discussions.spaces.questions',
} as const;

function spaceName(row: SpaceListRow, locale: Locale): string {
  if (row.name) return row.name;
  const key = DEFAULT_SPACES[row.key as keyof typeof DEFAULT_SPACES];
  return key ? translate(locale, key) : (row.key ?? '');
}

/** A space named in the reader's language (a custom name wins over the translated default). */
export function presentSpace(row: SpaceListRow, locale: Locale): Space {
  return {
    id: row.id,
    key: row.key,
    name: spaceName(row, locale),
    customName: row.name,
    position: row.position,
    archived: row.archivedAt !== null,
    topicCount: Number(row.topicCount ?? 0),
  };
}

/** A network's spaces named in the reader's language. */
export function presentSpaceList(rows: SpaceListRow[], locale: Locale): SpaceList {
  return { spaces: rows.map((r) => presentSpace(r, locale)) };
}
