import { type FormEvent, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DirectoryEntry } from '../../../../common/contracts/profiles.ts';
import { EXPERTISE_AREAS } from '../../../../common/expertise.ts';
import { languageOptions } from '../../../../common/languages.ts';
import { MENTOR_LEVELS } from '../../../../common/permissions.ts';
import { canAskAsBuddy, isBeginnerMentor, isPairBeginner } from '../../../../common/policies/buddies.ts';
import { Avatar } from '../../components/Avatar.tsx';
import { Button } from '../../components/Button.tsx';
import { ComboboxField } from '../../components/Combobox.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { expertiseLabel, languageList, levelLabel, roleLabel } from '../../lib/labels.ts';
import { useMe } from '../auth/api.ts';
import { AskBuddyButton } from '../buddies/AskBuddyButton.tsx';
import { pairFacts, useBuddyPairs } from '../buddies/api.ts';
import { formatDay } from '../help/labels.ts';
import { StartConversationButton } from '../messages/StartConversationButton.tsx';
import { MoocBadge } from '../mooc/MoocBadge.tsx';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { type DirectoryFilters, useDirectory } from './api.ts';

const FILTERS = ['language', 'expertise', 'level', 'region', 'q', 'buddy'] as const;

/** Members of the network with their profiles; filters live in the address so they can be shared. */
export default function DirectoryPage() {
  const network = useCurrentNetwork();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const resultsId = useId();
  const { data: me } = useMe();
  const mayMessage = can(network, 'messages.send');
  // A beginner may ask an experienced mentor open to being a buddy right here (policies/buddies.ts).
  const mayAskBuddy = can(network, 'buddies.ask') && isBeginnerMentor(network.viewer);
  const ownPairs = useBuddyPairs(network.slug, 'open', true, mayAskBuddy);
  const ownOpen = ownPairs.data?.pairs.find((p) => me && isPairBeginner({ userId: me.id }, pairFacts(p)));
  const askable = (e: DirectoryEntry) =>
    mayAskBuddy &&
    ownPairs.isSuccess &&
    !!me &&
    canAskAsBuddy({ ...network.viewer, userId: me.id }, e, ownOpen);
  const [params, setParams] = useSearchParams();
  const filters: DirectoryFilters = Object.fromEntries(
    FILTERS.map((f) => [f, params.get(f) ?? undefined]).filter(([, v]) => v),
  );
  const directory = useDirectory(network.slug, filters);
  // The network's languages first, then common migrant languages, then every other.
  const languages = useMemo(
    () => languageOptions(locale, network.languages).map((l) => ({ value: l.code, label: l.name })),
    [locale, network.languages],
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const value = String(data.get(f) ?? '').trim();
      if (value) next.set(f, value);
    }
    setParams(next);
  }

  const entries = directory.data?.pages.flatMap((p) => p.entries) ?? [];
  const any = t('directory.any');
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="page stack">
      <PageHeading title={t('directory.title')} />
      <form
        className="card filters"
        onSubmit={onSubmit}
        aria-label={t('directory.filters')}
        key={params.toString()}
      >
        <ComboboxField
          name="language"
          label={t('directory.language')}
          defaultValue={filters.language ?? ''}
          options={[{ value: '', label: any }, ...languages]}
        />
        <SelectField
          name="expertise"
          label={t('directory.expertise')}
          defaultValue={filters.expertise ?? ''}
          options={[
            { value: '', label: any },
            ...EXPERTISE_AREAS.map((a) => ({ value: a, label: expertiseLabel(t, a) })),
          ]}
        />
        <SelectField
          name="level"
          label={t('directory.level')}
          defaultValue={filters.level ?? ''}
          options={[
            { value: '', label: any },
            ...MENTOR_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) })),
          ]}
        />
        <SelectField
          name="buddy"
          label={t('directory.buddy')}
          defaultValue={filters.buddy ?? ''}
          options={[
            { value: '', label: any },
            { value: 'looking', label: t('buddies.badge.looking') },
            { value: 'open', label: t('buddies.badge.open') },
          ]}
        />
        <TextField
          name="region"
          label={t('directory.region')}
          defaultValue={filters.region ?? ''}
          maxLength={120}
        />
        <TextField
          name="q"
          type="search"
          label={t('directory.search')}
          defaultValue={filters.q ?? ''}
          maxLength={80}
        />
        <div className="actions filters-actions">
          <Button type="submit" aria-controls={resultsId}>
            {t('directory.apply')}
          </Button>
          {filtered && (
            <Button variant="quiet" onClick={() => setParams(new URLSearchParams())}>
              {t('directory.clear')}
            </Button>
          )}
        </div>
      </form>
      <div id={resultsId} className="stack" aria-live="polite" aria-busy={directory.isFetching || undefined}>
        {directory.isPending && <Loading />}
        {directory.isError && <QueryError error={directory.error} onRetry={() => void directory.refetch()} />}
        {directory.isSuccess && (
          <p className="muted">
            {entries.length === 0
              ? filtered
                ? t('directory.empty_filtered')
                : t('directory.empty')
              : t('directory.count', { count: entries.length })}
          </p>
        )}
        {entries.length > 0 && (
          <ul className="cards">
            {entries.map((e) => (
              <li key={e.userId} className="card person">
                <Avatar name={e.displayName} url={e.avatarUrl} />
                <div className="stack-tight">
                  <h2 className="person-name">
                    <Link to={`/networks/${network.slug}/directory/${e.userId}`}>
                      <UserText>{e.displayName}</UserText>
                    </Link>
                  </h2>
                  <MoocBadge userId={e.userId} />
                  {e.leaveUntil && (
                    <p>
                      <span className="badge badge-warn">
                        {t('leave.status', { date: formatDay(e.leaveUntil, i18n.language) })}
                      </span>
                    </p>
                  )}
                  {(e.lookingForBuddy || e.openToBuddy) && (
                    <p>
                      {e.lookingForBuddy && (
                        <span className="badge badge-new">{t('buddies.badge.looking')}</span>
                      )}
                      {e.openToBuddy && <span className="badge badge-ok">{t('buddies.badge.open')}</span>}
                    </p>
                  )}
                  <p className="muted small">
                    {roleLabel(t, e.role)}
                    {e.level && ` · ${levelLabel(t, e.level)}`}
                    {e.region && ` · ${e.region}`}
                  </p>
                  {e.languages.length > 0 && (
                    <p className="small">
                      <span className="label">{t('directory.speaks')}</span>{' '}
                      {languageList(e.languages, locale)}
                    </p>
                  )}
                  {e.expertise.length > 0 && (
                    <ul className="tags">
                      {e.expertise.map((a) => (
                        <li key={a}>{expertiseLabel(t, a)}</li>
                      ))}
                    </ul>
                  )}
                  {e.availability && <p className="small muted">{e.availability}</p>}
                  {mayMessage && e.userId !== me?.id && (
                    <p>
                      <StartConversationButton userId={e.userId} name={e.displayName} />
                    </p>
                  )}
                  {askable(e) && (
                    <div>
                      <AskBuddyButton
                        slug={network.slug}
                        mentor={{ id: e.userId, displayName: e.displayName }}
                      />
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {directory.hasNextPage && (
          <div>
            <Button
              variant="secondary"
              pending={directory.isFetchingNextPage}
              onClick={() => void directory.fetchNextPage()}
            >
              {t('common.load_more')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
