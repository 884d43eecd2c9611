import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerHtml } from '../../components/ServerHtml.tsx';
import { UserText } from '../../components/UserText.tsx';
import { toFormErrors } from '../../lib/form-errors.ts';
import { EventRow } from '../events/EventRow.tsx';
import { PublicEventsSection } from '../events/PublicEventsSection.tsx';
import { can, networkKeys } from '../networks/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import {
  decideJoinRequest,
  decidePartnership,
  endPartnership,
  type Partnership,
  partnerKeys,
  requestPartnership,
  useJoinRequests,
  usePartnerships,
  useSharedAnnouncements,
  useSharedEvents,
} from './api.ts';
import { OriginNote } from './ShareWithPartnersField.tsx';

/**
 * A network of networks (E2): the network's partners and their combined upcoming shared events;
 * for its meta-mentors the requests both ways, asking another network, ending a partnership and
 * the organisations asking to take part.
 */
export default function PartnersPage() {
  const network = useCurrentNetwork();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = can(network, 'partnerships.manage');
  const partnerships = usePartnerships(network.slug);
  const member = can(network, 'events.view') && network.viewer.role !== null;
  const events = useSharedEvents(network.slug, member);
  const announcements = useSharedAnnouncements(network.slug, can(network, 'discussions.read'));
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: partnerKeys.all(network.slug) });
  const act = useMutation({
    mutationFn: ({ p, what }: { p: Partnership; what: 'accept' | 'decline' | 'end' }) =>
      what === 'end' ? endPartnership(network.slug, p.id) : decidePartnership(network.slug, p.id, what),
    onSuccess: (_r, { p, what }) => {
      const name = p.partner.name;
      setDone(
        what === 'accept'
          ? t('partners.done_accept', { name })
          : what === 'decline'
            ? t('partners.done_decline', { name })
            : t('partners.done_end', { name }),
      );
      refresh();
    },
  });
  const all = partnerships.data?.partnerships ?? [];
  const active = all.filter((p) => p.status === 'active');
  const incoming = all.filter((p) => p.status === 'pending' && !p.outgoing);
  const outgoing = all.filter((p) => p.status === 'pending' && p.outgoing);

  return (
    <div className="page stack">
      <PageHeading title={t('partners.title')} />
      <p className="muted">{t('partners.intro')}</p>
      {done && <Alert tone="success">{done}</Alert>}
      {act.error && <Alert tone="error">{act.error.message}</Alert>}

      <section className="card stack" aria-labelledby="partners-active">
        <h2 id="partners-active">{t('partners.active_title')}</h2>
        {partnerships.isPending && <Loading />}
        {partnerships.isError && (
          <QueryError error={partnerships.error} onRetry={() => void partnerships.refetch()} />
        )}
        {partnerships.isSuccess && active.length === 0 && <p className="empty">{t('partners.none')}</p>}
        {active.length > 0 && (
          <ul className="rows">
            {active.map((p) => (
              <li key={p.id} className="row">
                <div className="row-main">
                  <p className="strong">
                    <bdi>{p.partner.name}</bdi>
                  </p>
                  <p className="muted small">
                    <bdi>{p.partner.region}</bdi>
                  </p>
                </div>
                {manage && (
                  <Button
                    variant="secondary"
                    pending={act.isPending && act.variables?.p.id === p.id}
                    onClick={() => act.mutate({ p, what: 'end' })}
                    aria-label={t('partners.end_named', { name: p.partner.name })}
                  >
                    {t('partners.end')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {manage && (
        <section className="card stack" aria-labelledby="partners-requests">
          <h2 id="partners-requests">{t('partners.requests_title')}</h2>
          {incoming.length === 0 && outgoing.length === 0 && (
            <p className="empty">{t('partners.no_requests')}</p>
          )}
          {(incoming.length > 0 || outgoing.length > 0) && (
            <ul className="rows">
              {incoming.map((p) => (
                <li key={p.id} className="row">
                  <div className="row-main">
                    <p className="strong">
                      <bdi>{p.partner.name}</bdi>
                    </p>
                    <p className="muted small">{t('partners.incoming')}</p>
                  </div>
                  <div className="row-actions">
                    <Button
                      onClick={() => act.mutate({ p, what: 'accept' })}
                      aria-label={t('partners.accept_named', { name: p.partner.name })}
                    >
                      {t('partners.accept')}
                    </Button>
                    <Button
                      variant="secondary"
                      onClick={() => act.mutate({ p, what: 'decline' })}
                      aria-label={t('partners.decline_named', { name: p.partner.name })}
                    >
                      {t('partners.decline')}
                    </Button>
                  </div>
                </li>
              ))}
              {outgoing.map((p) => (
                <li key={p.id} className="row">
                  <div className="row-main">
                    <p className="strong">
                      <bdi>{p.partner.name}</bdi>
                    </p>
                    <p className="muted small">{t('partners.outgoing')}</p>
                  </div>
                  <Button
                    variant="secondary"
                    onClick={() => act.mutate({ p, what: 'end' })}
                    aria-label={t('partners.withdraw_named', { name: p.partner.name })}
                  >
                    {t('partners.withdraw')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <AskForm slug={network.slug} onAsked={refresh} />
        </section>
      )}

      <PublicEventsSection slug={network.slug} withPartners />

      {member && (
        <section className="card stack" aria-labelledby="partners-events">
          <h2 id="partners-events">{t('partners.events_title')}</h2>
          {events.isPending && <Loading />}
          {events.isError && <QueryError error={events.error} onRetry={() => void events.refetch()} />}
          {events.isSuccess && events.data.length === 0 && <p className="empty">{t('partners.no_events')}</p>}
          {events.isSuccess && events.data.length > 0 && (
            <ul className="rows">
              {events.data.map((item) => (
                <EventRow
                  key={`${item.eventId}:${item.occurrence.key}`}
                  item={item}
                  listedIn={network.slug}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      {announcements.isSuccess && announcements.data.length > 0 && (
        <section className="card stack" aria-labelledby="partners-announcements">
          <h2 id="partners-announcements">{t('partners.announcements_title')}</h2>
          {announcements.data.map((a) => (
            <article key={a.id} className="announcement stack-tight" aria-labelledby={`shared-${a.id}`}>
              <h3 id={`shared-${a.id}`}>
                <UserText>{a.title}</UserText>
              </h3>
              <OriginNote origin={a.origin} />
              <ServerHtml html={a.bodyHtml} />
            </article>
          ))}
        </section>
      )}

      {can(network, 'network.organisations.manage') && <JoinRequestsSection slug={network.slug} />}
    </div>
  );
}

/** A meta-mentor asks another network, by its address, to become a partner. */
function AskForm({ slug, onAsked }: { slug: string; onAsked: () => void }) {
  const { t } = useTranslation();
  const [networkSlug, setNetworkSlug] = useState('');
  const ask = useMutation({
    mutationFn: () => requestPartnership(slug, networkSlug.trim()),
    onSuccess: () => {
      setNetworkSlug('');
      onAsked();
    },
  });
  const errors = ask.isError ? toFormErrors(ask.error, ['networkSlug'] as const) : undefined;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    ask.mutate();
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="partners-ask">
      <h3 id="partners-ask">{t('partners.ask_title')}</h3>
      <TextField
        name="networkSlug"
        label={t('partners.ask_label')}
        hint={t('partners.ask_hint')}
        value={networkSlug}
        onChange={(e) => setNetworkSlug(e.target.value)}
        required
        dir="ltr"
        error={errors?.fields.networkSlug}
      />
      {errors?.form && <Alert tone="error">{errors.form}</Alert>}
      {ask.isSuccess && <Alert tone="success">{t('partners.asked')}</Alert>}
      <div className="actions">
        <Button type="submit" pending={ask.isPending}>
          {t('partners.ask_submit')}
        </Button>
      </div>
    </form>
  );
}

/** Organisations asking to take part in the network: approved or declined by its meta-mentor. */
function JoinRequestsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useJoinRequests(slug, true);
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'decline' }) =>
      decideJoinRequest(slug, id, decision),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.joinRequests(slug) });
      void queryClient.invalidateQueries({ queryKey: networkKeys.detail(slug), exact: true });
    },
  });
  const pending = (requests.data?.requests ?? []).filter((r) => r.status === 'pending');
  return (
    <section className="card stack" aria-labelledby="partners-organisations">
      <h2 id="partners-organisations">{t('partners.organisations_title')}</h2>
      {requests.isPending && <Loading />}
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isSuccess && pending.length === 0 && (
        <p className="empty">{t('partners.no_organisations')}</p>
      )}
      {decide.error && <Alert tone="error">{decide.error.message}</Alert>}
      {pending.length > 0 && (
        <ul className="rows">
          {pending.map((r) => (
            <li key={r.id} className="row">
              <div className="row-main">
                <p className="strong">
                  <bdi>{r.organisation.name}</bdi>
                </p>
                {r.message && (
                  <p className="small">
                    <UserText>{r.message}</UserText>
                  </p>
                )}
              </div>
              <div className="row-actions">
                <Button
                  onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}
                  aria-label={t('partners.approve_named', { name: r.organisation.name })}
                >
                  {t('partners.approve')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => decide.mutate({ id: r.id, decision: 'decline' })}
                  aria-label={t('partners.decline_named', { name: r.organisation.name })}
                >
                  {t('partners.decline')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
