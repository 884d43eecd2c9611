import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '../../../../common/contracts/profiles.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { languageList } from '../../lib/labels.ts';
import { type PeopleFilters, usePeople } from './api.ts';

/** How long typing pauses before the search runs. */
const TYPING_PAUSE_MS = 250;

/**
 * Finds people of one level in the network's directory by name, a page at a time, so everyone can
 * be found in a large network. Each person found gets the action the caller gives (choose, ask).
 * With `lookingFilter`, a box narrows the list to those looking for a buddy.
 */
export function PeoplePicker({
  slug,
  level,
  buddy,
  lookingFilter = false,
  searchLabel,
  empty,
  action,
}: {
  slug: string;
  level: PeopleFilters['level'];
  buddy?: PeopleFilters['buddy'];
  lookingFilter?: boolean;
  searchLabel: string;
  /** Shown when nobody matches. */
  empty: string;
  action: (entry: DirectoryEntry) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const resultsId = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const [lookingOnly, setLookingOnly] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const people = usePeople(slug, {
    level,
    buddy: lookingOnly ? 'looking' : buddy,
    q: term || undefined,
  });
  const entries = people.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <div className="stack">
      <div className="stack-tight">
        <TextField
          name="q"
          type="search"
          label={searchLabel}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          dir="auto"
          aria-controls={resultsId}
        />
        {lookingFilter && (
          <label className="choice">
            <input
              type="checkbox"
              checked={lookingOnly}
              onChange={(e) => setLookingOnly(e.target.checked)}
              aria-controls={resultsId}
            />
            <span>{t('buddies.picker.looking_only')}</span>
          </label>
        )}
      </div>
      <div id={resultsId} className="stack" aria-busy={people.isFetching || undefined}>
        {people.isPending && <Loading />}
        {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
        <p className="muted small" aria-live="polite">
          {people.isSuccess &&
            (entries.length === 0
              ? empty
              : t(people.hasNextPage ? 'buddies.picker.count_more' : 'buddies.picker.count', {
                  count: entries.length,
                }))}
        </p>
        {entries.length > 0 && (
          <ul className="cards">
            {entries.map((e) => (
              <li key={e.userId} className="card person">
                <Avatar name={e.displayName} url={e.avatarUrl} />
                <div className="stack-tight">
                  <h4 className="person-name">
                    <bdi>{e.displayName}</bdi>
                  </h4>
                  {(e.lookingForBuddy || e.openToBuddy) && (
                    <p>
                      {e.lookingForBuddy && (
                        <span className="badge badge-new">{t('buddies.badge.looking')}</span>
                      )}
                      {e.openToBuddy && <span className="badge badge-ok">{t('buddies.badge.open')}</span>}
                    </p>
                  )}
                  {(e.region || e.languages.length > 0) && (
                    <p className="muted small">
                      {e.region && <bdi>{e.region}</bdi>}
                      {e.region && e.languages.length > 0 && ' · '}
                      {e.languages.length > 0 && languageList(e.languages, i18n.language)}
                    </p>
                  )}
                  <div>{action(e)}</div>
                </div>
              </li>
            ))}
          </ul>
        )}
        {people.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={people.isFetchingNextPage}
              onClick={() => void people.fetchNextPage()}
            >
              {t('common.load_more')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
