import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../../common/contracts/activities.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useMyNetworks } from '../networks/api.ts';
import { type ActivityDraft, ActivityForm } from './ActivityForm.tsx';
import { ActivityList } from './ActivityList.tsx';
import { activityKeys, changeActivity, deleteActivity, logActivity, useMyActivities } from './api.ts';
import { readLastValues, saveLastValues, today } from './last-values.ts';

/** A fresh entry from the last one's values: the same network, kind, duration, topics and mentee. */
function freshDraft(networkSlugs: string[]): ActivityDraft {
  const last = readLastValues();
  const networkSlug =
    last.networkSlug && networkSlugs.includes(last.networkSlug) ? last.networkSlug : (networkSlugs[0] ?? '');
  return {
    networkSlug,
    date: today(),
    durationMinutes: String(last.durationMinutes),
    kind: last.kind,
    topics: last.topics,
    menteeCode: last.menteeCode,
    note: '',
  };
}

/**
 * "My log" (D3): log an activity in seconds on a phone — one screen, the last values already
 * filled in — and below it one's own log with edit, delete and the CSV download. Nobody else sees
 * these entries; the note is stored encrypted.
 */
export default function MyLogPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const networksQuery = useMyNetworks();
  const activities = useMyActivities();
  const networks = (networksQuery.data?.networks ?? []).filter((n) => n.role !== null && n.acceptedCurrent);
  const slugs = networks.map((n) => n.slug);
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [saved, setSaved] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const current = draft ?? freshDraft(slugs);
  const update = (change: Partial<ActivityDraft>) => {
    setSaved(false);
    setDraft({ ...current, ...change });
  };

  const save = useMutation({
    mutationFn: async (privacyConfirmed: boolean) => {
      const body = {
        date: current.date,
        durationMinutes: Number(current.durationMinutes),
        kind: current.kind,
        topics: current.topics,
        menteeCode: current.menteeCode.trim(),
        note: current.note,
        privacyConfirmed,
      };
      return editing
        ? changeActivity(editing.network.slug, editing.id, body)
        : logActivity(current.networkSlug, body);
    },
    onSuccess: async (activity) => {
      if (!editing) {
        saveLastValues({
          networkSlug: current.networkSlug,
          kind: activity.kind,
          durationMinutes: activity.durationMinutes,
          topics: activity.topics,
          menteeCode: activity.menteeCode,
        });
      }
      setEditing(null);
      setDraft({ ...freshDraft(slugs), date: editing ? today() : current.date });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: activityKeys.all });
      statusRef.current?.focus();
    },
  });

  const remove = useMutation({
    mutationFn: (activity: Activity) => deleteActivity(activity.network.slug, activity.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.all }),
  });

  const startEdit = (activity: Activity) => {
    save.reset();
    setSaved(false);
    setEditing(activity);
    setDraft({
      networkSlug: activity.network.slug,
      date: activity.date,
      durationMinutes: String(activity.durationMinutes),
      kind: activity.kind,
      topics: activity.topics,
      menteeCode: activity.menteeCode,
      note: activity.note,
    });
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLInputElement>('input[name="date"]')?.focus();
  };
  const cancelEdit = () => {
    save.reset();
    setEditing(null);
    setDraft(freshDraft(slugs));
  };

  if (networksQuery.isPending) return <Loading />;
  if (networksQuery.error)
    return <QueryError error={networksQuery.error} onRetry={() => networksQuery.refetch()} />;

  return (
    <div className="stack activity-log-page">
      <PageHeading title={t('activities.title')} />
      <p className="muted">{t('activities.intro')}</p>
      {networks.length === 0 ? (
        <Alert tone="info">
          {t('activities.no_network')} <Link to="/networks">{t('activities.find_network')}</Link>
        </Alert>
      ) : (
        <div ref={formRef} className="stack-tight">
          <div ref={statusRef} tabIndex={-1}>
            {saved && <Alert tone="success">{t('activities.saved')}</Alert>}
          </div>
          {editing && <h2>{t('activities.form.editing')}</h2>}
          <ActivityForm
            draft={current}
            update={update}
            networks={networks}
            menteeCodes={activities.data?.menteeCodes ?? []}
            onSubmit={(confirmed) => save.mutate(confirmed)}
            pending={save.isPending}
            error={save.error}
            editing={editing !== null}
            onCancel={cancelEdit}
            maxDate={today()}
          />
        </div>
      )}
      <ActivityList
        query={activities}
        locale={i18n.language}
        onEdit={startEdit}
        onDelete={(activity) => remove.mutateAsync(activity)}
        deleting={remove.isPending}
      />
    </div>
  );
}
