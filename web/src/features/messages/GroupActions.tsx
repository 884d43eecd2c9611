import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Conversation } from '../../../../common/contracts/messages.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMyNetworks } from '../networks/api.ts';
import { addParticipants, leaveGroup, messageKeys } from './api.ts';
import { MemberChoice, NetworkChoice } from './NewGroupSection.tsx';

/** A group's own controls: add people from one's networks, and leave (after confirming). */
export function GroupActions({ conversation, title }: { conversation: Conversation; title: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const panelId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const leave = useMutation({
    mutationFn: () => leaveGroup(conversation.id),
    onSuccess: () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: messageKeys.history(conversation.id) });
      queryClient.removeQueries({ queryKey: messageKeys.conversation(conversation.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
      navigate('/messages', { state: { leftGroup: title } });
    },
  });

  return (
    <div className="stack-tight group-actions">
      <div className="actions">
        <Button
          ref={addButton}
          variant="secondary"
          aria-expanded={adding}
          aria-controls={adding ? panelId : undefined}
          onClick={() => {
            setAdded([]);
            setAdding(!adding);
          }}
        >
          {t('messages.group_add')}
        </Button>
        <Button
          variant="quiet"
          onClick={() => {
            leave.reset();
            setConfirming(true);
          }}
        >
          {t('messages.group_leave')}
        </Button>
      </div>
      {added.length > 0 && (
        <Alert tone="success">
          {t('messages.group_added', { names: added.join(', '), count: added.length })}
        </Alert>
      )}
      {adding && (
        <AddPeopleForm
          id={panelId}
          conversation={conversation}
          onDone={(names) => {
            setAdding(false);
            setAdded(names);
            addButton.current?.focus();
          }}
          onCancel={() => {
            setAdding(false);
            addButton.current?.focus();
          }}
        />
      )}
      <ConfirmDialog
        open={confirming}
        message={t('messages.group_leave_confirm', { title })}
        confirmLabel={t('messages.group_leave')}
        pending={leave.isPending}
        onConfirm={() => leave.mutate()}
        onCancel={() => setConfirming(false)}
      >
        {leave.isError && <Alert tone="error">{leave.error.message}</Alert>}
      </ConfirmDialog>
    </div>
  );
}

function AddPeopleForm({
  id,
  conversation,
  onDone,
  onCancel,
}: {
  id: string;
  conversation: Conversation;
  onDone: (names: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const networks = useMyNetworks();
  const [slug, setSlug] = useState('');
  const [chosen, setChosen] = useState<{ userId: string; displayName: string }[]>([]);
  const [noPeople, setNoPeople] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const add = useMutation({
    mutationFn: () =>
      addParticipants(
        conversation.id,
        chosen.map((p) => p.userId),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(messageKeys.conversation(conversation.id), next);
      void queryClient.invalidateQueries({ queryKey: messageKeys.conversations });
      onDone(chosen.map((p) => p.displayName));
    },
  });
  const list = networks.data?.networks ?? [];
  const inGroup = conversation.participants.map((p) => p.userId);

  const hasNetworks = list.length > 0;
  // The panel opens on its first field.
  useEffect(() => {
    if (hasNetworks) formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [hasNetworks]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.length === 0) {
      setNoPeople(true);
      return;
    }
    add.mutate();
  }

  return (
    <section id={id} className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('messages.group_add_title')}</h2>
      {networks.isPending && <Loading />}
      {networks.isError && <QueryError error={networks.error} onRetry={() => void networks.refetch()} />}
      {networks.isSuccess && list.length === 0 && <p className="empty">{t('messages.group_no_networks')}</p>}
      {list.length > 0 && (
        <form
          ref={formRef}
          className="form"
          onSubmit={onSubmit}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            }
          }}
          noValidate
        >
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
              exclude={inGroup}
              chosen={chosen.map((p) => p.userId)}
              emptyText={t('messages.group_add_nobody')}
              onChange={(ids, members) => {
                setChosen(members.filter((m) => ids.includes(m.userId)));
                setNoPeople(false);
              }}
            />
          )}
          {noPeople && <Alert tone="error">{t('messages.group_pick_people')}</Alert>}
          {add.isError && <Alert tone="error">{add.error.message}</Alert>}
          <div className="actions">
            <Button variant="secondary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" pending={add.isPending}>
              {t('messages.group_add_submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
