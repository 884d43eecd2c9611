import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useMe } from '../auth/api.ts';
import { useMembers } from '../members/api.ts';
import { useMyNetworks } from '../networks/api.ts';
import { createGroup } from './api.ts';

/** Start a group: pick a network, then the people of it, and give the group a name. */
export function NewGroupSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const networks = useMyNetworks();
  const [slug, setSlug] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [noPeople, setNoPeople] = useState(false);
  const create = useMutation({
    mutationFn: (title: string) => createGroup({ title, userIds: chosen }),
    onSuccess: (conversation) => navigate(`/messages/${conversation.id}`),
  });
  const list = networks.data?.networks ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.length === 0) {
      setNoPeople(true);
      return;
    }
    create.mutate(String(new FormData(event.currentTarget).get('title') ?? '').trim());
  }

  return (
    <section className="card stack" aria-labelledby="new-group-heading">
      <h2 id="new-group-heading">{t('messages.group_new')}</h2>
      {networks.isPending && <Loading />}
      {networks.isError && <QueryError error={networks.error} />}
      {networks.isSuccess && list.length === 0 && <p className="empty">{t('messages.group_no_networks')}</p>}
      {list.length > 0 && (
        <form className="form" onSubmit={onSubmit} noValidate>
          <TextField name="title" label={t('messages.group_title')} required maxLength={120} />
          <NetworkChoice
            networks={list}
            value={slug}
            onChange={(value) => {
              setSlug(value);
              setChosen([]);
            }}
          />
          {slug && (
            <MemberChoice
              slug={slug}
              exclude={[me?.id ?? '']}
              chosen={chosen}
              emptyText={t('messages.group_nobody')}
              onChange={(next) => {
                setChosen(next);
                setNoPeople(false);
              }}
            />
          )}
          {noPeople && <Alert tone="error">{t('messages.group_pick_people')}</Alert>}
          {create.isError && <Alert tone="error">{create.error.message}</Alert>}
          <div className="actions">
            <Button type="submit" pending={create.isPending}>
              {t('messages.group_create')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The network whose members a group is formed from (or added from). */
export function NetworkChoice({
  networks,
  value,
  onChange,
}: {
  networks: { slug: string; name: string }[];
  value: string;
  onChange: (slug: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="network"
      label={t('messages.group_network')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[
        { value: '', label: t('messages.group_pick_network') },
        ...networks.map((n) => ({ value: n.slug, label: n.name })),
      ]}
    />
  );
}

/** Checkboxes for the members of one network, leaving out `exclude` (oneself, those already in). */
export function MemberChoice({
  slug,
  exclude,
  chosen,
  emptyText,
  onChange,
}: {
  slug: string;
  exclude: string[];
  chosen: string[];
  emptyText: string;
  onChange: (ids: string[], members: { userId: string; displayName: string }[]) => void;
}) {
  const { t } = useTranslation();
  const members = useMembers(slug, '');
  if (members.isPending) return <Loading />;
  if (members.isError) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  const others = members.data.pages.flatMap((p) => p.members).filter((m) => !exclude.includes(m.userId));
  if (others.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <fieldset className="choices">
      <legend>{t('messages.group_people')}</legend>
      {others.map((m) => (
        <label key={m.userId} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(m.userId)}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...chosen, m.userId] : chosen.filter((id) => id !== m.userId),
                others,
              )
            }
          />
          <UserText>{m.displayName}</UserText>
        </label>
      ))}
    </fieldset>
  );
}
