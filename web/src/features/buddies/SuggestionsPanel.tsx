import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuddyReason } from '../../../../common/contracts/buddies.ts';
import { Alert } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { expertiseLabel, languageList, listFormat } from '../../lib/labels.ts';
import { buddyKeys, createBuddyPair, useBuddySuggestions } from './api.ts';

/** Text the user wrote keeps its own direction inside a sentence of the page's language. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Why someone is suggested, in the reader's language. */
export function reasonText(t: TFunction, reason: BuddyReason, locale: string): string {
  switch (reason.code) {
    case 'shared_languages':
      return t('buddies.reason.shared_languages', { languages: languageList(reason.languages, locale) });
    case 'same_region':
      return t('buddies.reason.same_region', { region: isolate(reason.region) });
    case 'shared_expertise':
      return t('buddies.reason.shared_expertise', {
        areas: listFormat(
          reason.areas.map((a) => expertiseLabel(t, a)),
          locale,
        ),
      });
    case 'open_to_buddy':
      return t('buddies.reason.open_to_buddy');
    case 'current_load':
      return t('buddies.reason.current_load', { count: reason.activePairs });
  }
}

/**
 * The experienced mentors suggested for one beginner, best first, each with the reasons and a
 * one-step "propose". Proposing is not offered while the beginner has a proposal or a buddy.
 */
export function SuggestionsPanel({
  slug,
  beginnerId,
  blocked,
  onProposed,
}: {
  slug: string;
  beginnerId: string;
  /** Why nobody can be proposed now (the beginner's open proposal or pairing), if so. */
  blocked: string | null;
  onProposed: (mentorName: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const suggestions = useBuddySuggestions(slug, beginnerId);
  const propose = useMutation({
    mutationFn: (mentor: { id: string; displayName: string }) =>
      createBuddyPair(slug, { beginnerId, mentorId: mentor.id }),
    onSuccess: (_pair, mentor) => {
      void queryClient.invalidateQueries({ queryKey: buddyKeys.all(slug) });
      onProposed(mentor.displayName);
    },
  });
  const data = suggestions.data;

  return (
    <section className="stack" aria-labelledby={headingId} aria-busy={suggestions.isFetching || undefined}>
      <h3 id={headingId}>
        {data
          ? t('buddies.suggestions.title', { name: isolate(data.beginner.displayName) })
          : t('buddies.suggestions.title_loading')}
      </h3>
      {suggestions.isPending && <Loading />}
      {suggestions.isError && (
        <QueryError error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      )}
      {data && (
        <p className="muted small">
          {[
            data.beginner.languages.length > 0 &&
              t('buddies.suggestions.speaks', {
                languages: languageList(data.beginner.languages, i18n.language),
              }),
            data.beginner.region && isolate(data.beginner.region),
            data.beginner.lookingForBuddy && t('buddies.badge.looking'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {blocked && <Alert tone="info">{blocked}</Alert>}
      {propose.isError && <Alert tone="error">{propose.error.message}</Alert>}
      {data && data.suggestions.length === 0 && <p className="empty">{t('buddies.suggestions.empty')}</p>}
      {data && data.suggestions.length > 0 && (
        <ol className="cards">
          {data.suggestions.map((s, index) => (
            <li key={s.mentor.id} className="card person">
              <Avatar name={s.mentor.displayName} url={s.mentor.avatarUrl} />
              <div className="stack-tight">
                <h4 className="person-name">
                  <span className="visually-hidden">
                    {t('buddies.suggestions.rank', { rank: index + 1 })}{' '}
                  </span>
                  <bdi>{s.mentor.displayName}</bdi>
                </h4>
                <ul className="tags buddy-reasons" aria-label={t('buddies.suggestions.reasons')}>
                  {s.reasons.map((r) => (
                    <li key={r.code}>{reasonText(t, r, i18n.language)}</li>
                  ))}
                </ul>
                {!blocked && (
                  <div>
                    <Button
                      pending={propose.isPending && propose.variables?.id === s.mentor.id}
                      disabled={propose.isPending}
                      onClick={() => propose.mutate(s.mentor)}
                    >
                      {t('buddies.suggestions.propose', { name: s.mentor.displayName })}
                    </Button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
