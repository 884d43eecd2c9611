import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinRequest, JoinRequestList } from '../../../../common/contracts/partnerships.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { api } from '../../lib/api-client.ts';
import { toFormErrors } from '../../lib/form-errors.ts';

const path = (slug: string) => `/organisations/${encodeURIComponent(slug)}/join-requests`;
const joinKeys = { list: (slug: string) => ['organisations', slug, 'join-requests'] as const };

/** An organisation's admins ask an existing network to let the organisation take part. */
export function OrganisationJoinSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: joinKeys.list(slug),
    queryFn: () => api.get<JoinRequestList>(path(slug)),
  });
  const [networkSlug, setNetworkSlug] = useState('');
  const [message, setMessage] = useState('');
  const ask = useMutation({
    mutationFn: () => api.post<JoinRequest>(path(slug), { networkSlug: networkSlug.trim(), message }),
    onSuccess: () => {
      setNetworkSlug('');
      setMessage('');
      void queryClient.invalidateQueries({ queryKey: joinKeys.list(slug) });
    },
  });
  const errors = ask.isError ? toFormErrors(ask.error, ['networkSlug', 'message'] as const) : undefined;
  const status = (r: JoinRequest) =>
    r.status === 'approved'
      ? t('partners.join_status_approved')
      : r.status === 'declined'
        ? t('partners.join_status_declined')
        : t('partners.join_status_pending');
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    ask.mutate();
  }
  return (
    <section className="card stack" aria-labelledby="org-join">
      <h2 id="org-join">{t('partners.join_title')}</h2>
      {requests.isPending && <Loading />}
      {requests.isError && <QueryError error={requests.error} />}
      {requests.isSuccess && requests.data.requests.length > 0 && (
        <ul className="link-list">
          {requests.data.requests.map((r) => (
            <li key={r.id}>
              <bdi>{r.network.name}</bdi> <span className="muted small">{status(r)}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="org-join">
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
        <TextAreaField
          name="message"
          label={t('partners.join_message')}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={2000}
          dir="auto"
          error={errors?.fields.message}
        />
        {errors?.form && <Alert tone="error">{errors.form}</Alert>}
        {ask.isSuccess && <Alert tone="success">{t('partners.join_sent')}</Alert>}
        <div className="actions">
          <Button type="submit" pending={ask.isPending}>
            {t('partners.join_submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
