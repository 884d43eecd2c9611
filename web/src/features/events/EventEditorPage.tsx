import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { LANGUAGE_CODES, languageName } from '../../../../common/languages.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { useMe } from '../auth/api.ts';
import { useCurrentNetwork } from '../networks/NetworkLayout.tsx';
import { createEvent, eventKeys, updateEvent, useEvent } from './api.ts';
import { bodyOf, draftOf, type EventDraft, emptyDraft, timeZoneOptions } from './draft.ts';
import { readerTimeZone } from './format.ts';
import { OrganisersField } from './OrganisersField.tsx';
import { ShareWithPartnersField } from '../partners/ShareWithPartnersField.tsx';

/** The fields the server refused, by name (from a VALIDATION_FAILED answer). */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const issues = (error.details as { path?: (string | number)[]; message?: string }[] | undefined) ?? [];
  return Object.fromEntries(issues.map((i) => [String(i.path?.[0] ?? ''), i.message ?? '']));
}

/** The event form (create, or edit with :eventId). */
export function EventForm({
  slug,
  initial,
  onSubmit,
  pending,
  error,
  submitLabel,
  networkPublic = false,
}: {
  slug: string;
  initial: EventDraft;
  onSubmit: (draft: EventDraft) => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  /** The network is public: its events may be shown on its public page. */
  networkPublic?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const publicHintId = useId();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const errors = fieldErrors(error);
  const invalid = (name: string) => (errors[name] !== undefined ? t('events.field_invalid') : undefined);
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <TextField
        name="title"
        label={t('events.field_title')}
        required
        dir="auto"
        value={draft.title}
        error={invalid('title')}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextAreaField
        name="description"
        label={t('events.field_description')}
        dir="auto"
        value={draft.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <SelectField
        name="format"
        label={t('events.field_format')}
        value={draft.format}
        onChange={(e) => set('format', e.target.value as EventDraft['format'])}
        options={[
          { value: 'online', label: t('events.format_online') },
          { value: 'on_site', label: t('events.format_on_site') },
        ]}
      />
      {draft.format === 'online' ? (
        <TextField
          name="onlineUrl"
          type="url"
          dir="ltr"
          label={t('events.field_link')}
          value={draft.onlineUrl}
          error={invalid('onlineUrl')}
          onChange={(e) => set('onlineUrl', e.target.value)}
        />
      ) : (
        <TextField
          name="address"
          dir="auto"
          label={t('events.field_address')}
          value={draft.address}
          error={invalid('address')}
          onChange={(e) => set('address', e.target.value)}
        />
      )}
      <TextField
        name="startsLocal"
        type="datetime-local"
        label={t('events.field_start')}
        required
        value={draft.startsLocal}
        error={invalid('startsLocal')}
        onChange={(e) => set('startsLocal', e.target.value)}
      />
      <TextField
        name="endsLocal"
        type="datetime-local"
        label={t('events.field_end')}
        required
        value={draft.endsLocal}
        error={invalid('endsLocal')}
        onChange={(e) => set('endsLocal', e.target.value)}
      />
      <SelectField
        name="timeZone"
        label={t('events.field_time_zone')}
        value={draft.timeZone}
        onChange={(e) => set('timeZone', e.target.value)}
        options={timeZoneOptions(draft.timeZone).map((z) => ({ value: z, label: z }))}
      />
      <SelectField
        name="repeat"
        label={t('events.field_repeat')}
        value={draft.repeat}
        onChange={(e) => set('repeat', e.target.value as EventDraft['repeat'])}
        options={[
          { value: 'none', label: t('events.repeat_none') },
          { value: 'weekly', label: t('events.repeat_weekly') },
          { value: 'monthly', label: t('events.repeat_monthly') },
        ]}
      />
      {draft.repeat === 'monthly' && (
        <SelectField
          name="monthly"
          label={t('events.field_monthly')}
          value={draft.monthly}
          onChange={(e) => set('monthly', e.target.value as EventDraft['monthly'])}
          options={[
            { value: 'nth_weekday', label: t('events.monthly_nth_weekday') },
            { value: 'day_of_month', label: t('events.monthly_day') },
          ]}
        />
      )}
      {draft.repeat !== 'none' && (
        <TextField
          name="until"
          type="date"
          label={t('events.field_until')}
          value={draft.until}
          error={invalid('recurrence')}
          onChange={(e) => set('until', e.target.value)}
        />
      )}
      <TextField
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        label={t('events.field_capacity')}
        hint={t('events.field_capacity_hint')}
        value={draft.capacity}
        error={invalid('capacity')}
        onChange={(e) => set('capacity', e.target.value)}
      />
      <ShareWithPartnersField
        checked={draft.shareWithPartners}
        onChange={(checked) => set('shareWithPartners', checked)}
      />
      <OrganisersField
        slug={slug}
        value={draft.organisers}
        onChange={(organisers) => set('organisers', organisers)}
        error={invalid('organiserIds')}
      />
      {(networkPublic || draft.isPublic) && (
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              name="isPublic"
              checked={draft.isPublic}
              aria-describedby={publicHintId}
              onChange={(e) => set('isPublic', e.target.checked)}
            />
            <span>{t('events.field_public')}</span>
          </label>
          <p id={publicHintId} className="muted small">
            {t('events.field_public_hint')}
          </p>
        </div>
      )}
      <SelectField
        name="language"
        label={t('events.field_language')}
        value={draft.language}
        onChange={(e) => set('language', e.target.value)}
        options={LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
      />
      {error instanceof Error && <Alert tone="error">{error.message}</Alert>}
      <div>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Create an event, or edit one (/events/:eventId/edit). */
export default function EventEditorPage() {
  const network = useCurrentNetwork();
  const { eventId } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useEvent(network.slug, eventId ?? '', Boolean(eventId));
  const me = useMe();
  const save = useMutation({
    mutationFn: (draft: EventDraft) =>
      eventId ? updateEvent(network.slug, eventId, bodyOf(draft)) : createEvent(network.slug, bodyOf(draft)),
    onSuccess: (event) => {
      queryClient.setQueryData(eventKeys.event(network.slug, event.id), event);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all(network.slug) });
      void navigate(`/networks/${network.slug}/events/${event.id}`);
    },
  });
  const title = eventId ? t('events.edit') : t('events.new');
  if (eventId && existing.isPending) return <Loading />;
  if (eventId && existing.isError) return <QueryError error={existing.error} />;
  const initial =
    eventId && existing.data
      ? draftOf(existing.data)
      : emptyDraft(
          i18n.language.slice(0, 2),
          readerTimeZone(),
          me.data ? { id: me.data.id, displayName: me.data.displayName } : null,
        );
  return (
    <div className="page stack">
      <PageHeading title={title} />
      <EventForm
        slug={network.slug}
        initial={initial}
        onSubmit={(d) => save.mutate(d)}
        pending={save.isPending}
        error={save.error}
        submitLabel={eventId ? t('events.save') : t('events.create')}
        networkPublic={network.visibility === 'public'}
      />
    </div>
  );
}
