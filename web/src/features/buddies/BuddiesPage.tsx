import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BUDDY_NOTE_MAX } from '../../../../common/buddies.ts';
import type { BuddyPair } from '../../../../common/contracts/buddies.ts';
import type { Network } from '../../../../common/contracts/networks.ts';
import {
  canAskAsBuddy,
  isBeginnerMentor,
  isExperiencedMentor,
  isPairBeginner,
} from '../../../../common/policies/buddies.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMe } from '../auth/api.ts';
import { can } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { AskBuddyButton } from './AskBuddyButton.tsx';
import { buddyKeys, createBuddyPair, pairFacts, useBuddyPairs } from './api.ts';
import { PairCard } from './PairCard.tsx';
import { PeoplePicker } from './PeoplePicker.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

/**
 * Buddy pairing in a network. The meta-mentor and office see every request, proposal and pair,
 * and propose buddies from ranked suggestions; a beginner asks for a buddy and sees the proposals;
 * an experienced mentor answers proposals; both buddies reach each other and may end the pairing.
 */
export default function BuddiesPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const manages = can(network, 'buddies.manage');
  return (
    <div className="page stack">
      <PageHeading title={t('buddies.title')} />
      <p className="muted">{t('buddies.intro')}</p>
      {manages ? (
        <StaffView network={network} viewerId={me.id} />
      ) : (
        <MemberView network={network} viewerId={me.id} />
      )}
      <History network={network} viewerId={me.id} mine={!manages} />
    </div>
  );
}

interface ViewProps {
  network: Network;
  viewerId: string;
}

/** The pairings of one list as cards, or the list's empty text. */
function PairList({
  pairs,
  empty,
  extra,
  ...props
}: ViewProps & { pairs: BuddyPair[]; empty: string; extra?: (pair: BuddyPair) => ReactNode }) {
  if (pairs.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="cards">
      {pairs.map((p) => (
        <PairCard
          key={p.id}
          pair={p}
          slug={props.network.slug}
          viewerId={props.viewerId}
          extra={extra?.(p)}
        />
      ))}
    </ul>
  );
}

/** The meta-mentor's and office's view: find a buddy for a beginner, and every open pairing. */
function StaffView({ network, viewerId }: ViewProps) {
  const { t } = useTranslation();
  const open = useBuddyPairs(network.slug, 'open', false);
  const [beginnerId, setBeginnerId] = useState<string | null>(null);
  const [proposed, setProposed] = useState<string | null>(null);
  const findRef = useRef<HTMLElement>(null);
  const pairs = open.data?.pairs ?? [];
  const of = (status: BuddyPair['status']) => pairs.filter((p) => p.status === status);
  const blockedBy = beginnerId
    ? pairs.find((p) => isPairBeginner({ userId: beginnerId }, pairFacts(p)) && p.status !== 'requested')
    : undefined;

  function find(id: string) {
    setBeginnerId(id || null);
    setProposed(null);
    findRef.current?.scrollIntoView({ block: 'start' });
  }

  return (
    <>
      <section ref={findRef} className="card stack" aria-labelledby="buddy-find-heading">
        <h2 id="buddy-find-heading">{t('buddies.staff.find_title')}</h2>
        <p className="muted small">{t('buddies.staff.find_intro')}</p>
        {beginnerId ? (
          <div>
            <Button variant="secondary" onClick={() => find('')}>
              {t('buddies.staff.choose_other')}
            </Button>
          </div>
        ) : (
          <PeoplePicker
            slug={network.slug}
            level="beginner"
            lookingFilter
            searchLabel={t('buddies.staff.search')}
            empty={t('buddies.staff.no_match')}
            action={(e) => (
              <Button
                onClick={() => find(e.userId)}
                aria-label={t('buddies.staff.suggest_for', { name: e.displayName })}
              >
                {t('buddies.staff.find')}
              </Button>
            )}
          />
        )}
        {proposed && <Alert tone="success">{t('buddies.staff.proposed', { name: proposed })}</Alert>}
        {beginnerId && (
          <SuggestionsPanel
            key={beginnerId}
            slug={network.slug}
            beginnerId={beginnerId}
            blocked={
              blockedBy
                ? blockedBy.status === 'active'
                  ? t('buddies.staff.has_buddy')
                  : t('buddies.staff.has_proposal')
                : null
            }
            onProposed={(name) => {
              setBeginnerId(null);
              setProposed(name);
            }}
          />
        )}
      </section>

      <section
        className="stack"
        aria-labelledby="buddy-open-heading"
        aria-busy={open.isFetching || undefined}
      >
        <h2 id="buddy-open-heading">{t('buddies.staff.open_title')}</h2>
        {open.isPending && <Loading />}
        {open.isError && <QueryError error={open.error} onRetry={() => void open.refetch()} />}
        {open.isSuccess && (
          <>
            <h3>{t('buddies.staff.requests')}</h3>
            <PairList
              network={network}
              viewerId={viewerId}
              pairs={of('requested')}
              empty={t('buddies.staff.requests_empty')}
              extra={(p) => (
                <Button
                  onClick={() => find(p.beginner.id)}
                  aria-label={t('buddies.staff.find_for', { name: p.beginner.displayName })}
                >
                  {t('buddies.staff.find')}
                </Button>
              )}
            />
            <h3>{t('buddies.staff.proposals')}</h3>
            <PairList
              network={network}
              viewerId={viewerId}
              pairs={of('proposed')}
              empty={t('buddies.staff.proposals_empty')}
            />
            <h3>{t('buddies.staff.active')}</h3>
            <PairList
              network={network}
              viewerId={viewerId}
              pairs={of('active')}
              empty={t('buddies.staff.active_empty')}
            />
          </>
        )}
      </section>
    </>
  );
}

/** A member's view: a beginner asks for a buddy, an experienced mentor answers proposals. */
function MemberView({ network, viewerId }: ViewProps) {
  const { t } = useTranslation();
  const open = useBuddyPairs(network.slug, 'open', true);
  const beginner = isBeginnerMentor(network.viewer);
  const experienced = isExperiencedMentor(network.viewer);
  const pairs = open.data?.pairs ?? [];
  const me = { userId: viewerId };
  const asBeginner = pairs.filter((p) => isPairBeginner(me, pairFacts(p)));
  const asBuddy = pairs.filter((p) => !isPairBeginner(me, pairFacts(p)));
  const toAnswer = asBuddy.filter((p) => p.canAccept);
  const buddies = asBuddy.filter((p) => !p.canAccept);

  return (
    <section className="stack" aria-labelledby="buddy-mine-heading" aria-busy={open.isFetching || undefined}>
      <h2 id="buddy-mine-heading">{t('buddies.mine.title')}</h2>
      {open.isPending && <Loading />}
      {open.isError && <QueryError error={open.error} onRetry={() => void open.refetch()} />}
      {open.isSuccess && (
        <>
          {beginner &&
            (asBeginner.length === 0 ? (
              <AskForBuddy slug={network.slug} />
            ) : (
              <>
                <p>{beginnerStatus(t, asBeginner[0])}</p>
                <PairList network={network} viewerId={viewerId} pairs={asBeginner} empty="" />
              </>
            ))}
          {beginner &&
            can(network, 'buddies.ask') &&
            (asBeginner[0] === undefined || asBeginner[0].status === 'requested') && (
              <AskByName network={network} viewerId={viewerId} own={asBeginner[0]} />
            )}
          {(experienced || asBuddy.length > 0) && (
            <>
              <h3>{t('buddies.mine.to_answer')}</h3>
              <PairList
                network={network}
                viewerId={viewerId}
                pairs={toAnswer}
                empty={t('buddies.mine.to_answer_empty')}
              />
              <h3>{t('buddies.mine.buddies')}</h3>
              <PairList
                network={network}
                viewerId={viewerId}
                pairs={buddies}
                empty={t('buddies.mine.buddies_empty')}
              />
              <p className="muted small">
                {t('buddies.mine.offer')} <Link to="/profile">{t('buddies.mine.profile_link')}</Link>
              </p>
            </>
          )}
          {!beginner && !experienced && asBuddy.length === 0 && (
            <p className="empty">{t('buddies.mine.not_pairable')}</p>
          )}
        </>
      )}
    </section>
  );
}

function beginnerStatus(t: ReturnType<typeof useTranslation>['t'], pair: BuddyPair | undefined): string {
  switch (pair?.status) {
    case 'requested':
      return t('buddies.mine.waiting_request');
    case 'proposed':
      return t('buddies.mine.waiting_answer', { name: pair.mentor?.displayName ?? '' });
    case 'active':
      return t('buddies.mine.paired', { name: pair.mentor?.displayName ?? '' });
    default:
      return '';
  }
}

/** "Ask for a buddy", with a note for the meta-mentor and office. */
function AskForBuddy({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const noteId = useId();
  const ask = useMutation({
    mutationFn: (note: string) => createBuddyPair(slug, { note }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: buddyKeys.all(slug) }),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    ask.mutate(String(new FormData(event.currentTarget).get('note') ?? ''));
  }
  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby={noteId}>
      <h3 id={noteId}>{t('buddies.ask.title')}</h3>
      <p className="small">{t('buddies.ask.intro')}</p>
      <TextAreaField
        name="note"
        label={t('buddies.ask.note')}
        hint={t('buddies.ask.note_hint')}
        maxLength={BUDDY_NOTE_MAX}
        rows={3}
        dir="auto"
        error={ask.error?.message}
      />
      <div>
        <Button type="submit" pending={ask.isPending}>
          {t('buddies.ask.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * A beginner asks an experienced mentor of their choice: those who said they are open to being a
 * buddy, found by name; each is asked after a confirmation.
 */
function AskByName({ network, viewerId, own }: ViewProps & { own: BuddyPair | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const me = { ...network.viewer, userId: viewerId };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('buddies.ask_named.title')}</h3>
      <p className="small">{t('buddies.ask_named.intro')}</p>
      <PeoplePicker
        slug={network.slug}
        level="experienced"
        buddy="open"
        searchLabel={t('buddies.ask_named.search')}
        empty={t('buddies.ask_named.empty')}
        action={(e) =>
          canAskAsBuddy(me, e, own) ? (
            <AskBuddyButton slug={network.slug} mentor={{ id: e.userId, displayName: e.displayName }} />
          ) : null
        }
      />
    </section>
  );
}

/** Pairings that are over (declined, withdrawn, ended), loaded when opened. */
function History({ network, viewerId, mine }: ViewProps & { mine: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const closed = useBuddyPairs(network.slug, 'closed', mine, open);
  return (
    <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('buddies.history.title')}</summary>
      <div className="stack" aria-busy={closed.isFetching || undefined}>
        {closed.isPending && open && <Loading />}
        {closed.isError && <QueryError error={closed.error} onRetry={() => void closed.refetch()} />}
        {closed.data && (
          <PairList
            network={network}
            viewerId={viewerId}
            pairs={closed.data.pairs}
            empty={t('buddies.history.empty')}
          />
        )}
      </div>
    </details>
  );
}
