import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile, UpdateProfileBody } from '../../../../common/contracts/profiles.ts';
import { EXPERTISE_AREAS } from '../../../../common/expertise.ts';
import { MENTOR_LEVELS } from '../../../../common/permissions.ts';
import { AVATAR_MAX_MB, AVATAR_TYPES, PROFILE_VISIBILITIES } from '../../../../common/profiles.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Button } from '../../components/Button.tsx';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { LanguagesField } from '../../components/LanguagesField.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { expertiseLabel, levelLabel } from '../../lib/labels.ts';
import { useApiForm } from '../../lib/use-api-form.ts';
import { deleteAvatar, profileKeys, saveProfile, uploadAvatar, useMyProfile } from './api.ts';

export default function ProfilePage() {
  const { t } = useTranslation();
  const profile = useMyProfile();
  return (
    <div className="page stack">
      <PageHeading title={t('profile.title')} />
      <p className="muted">{t('profile.intro')}</p>
      {profile.isPending && <Loading />}
      {profile.isError && <QueryError error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <>
          <AvatarSection profile={profile.data} />
          <ProfileForm profile={profile.data} />
        </>
      )}
    </div>
  );
}

function AvatarSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const onSuccess = (updated: Profile) => {
    queryClient.setQueryData(profileKeys.mine, updated);
    if (input.current) input.current.value = '';
  };
  const upload = useMutation({ mutationFn: uploadAvatar, onSuccess });
  const remove = useMutation({ mutationFn: deleteAvatar, onSuccess });
  const error = clientError ?? upload.error?.message ?? remove.error?.message;

  function onFile(file: File | undefined) {
    upload.reset();
    remove.reset();
    setClientError(null);
    if (!file) return;
    // Checked here for a quick answer; the server checks again (and looks at the bytes, not the name).
    if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) {
      setClientError(t('profile.avatar_type_error'));
      return;
    }
    if (file.size > AVATAR_MAX_MB * 1024 * 1024) {
      setClientError(t('profile.avatar_size_error', { max: AVATAR_MAX_MB }));
      return;
    }
    upload.mutate(file);
  }

  return (
    <section className="card stack" aria-labelledby="avatar-heading">
      <h2 id="avatar-heading">{t('profile.avatar')}</h2>
      <div className="avatar-editor">
        <Avatar name={profile.displayName} url={profile.avatarUrl} size={96} />
        <div className="stack-tight">
          <label htmlFor={inputId} className="strong">
            {profile.hasAvatar ? t('profile.avatar_replace') : t('profile.avatar_upload')}
          </label>
          <p id={hintId} className="field-hint">
            {t('profile.avatar_hint', { max: AVATAR_MAX_MB })}
          </p>
          <input
            ref={input}
            id={inputId}
            type="file"
            name="file"
            accept={AVATAR_TYPES.join(',')}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            aria-invalid={error ? true : undefined}
            disabled={upload.isPending}
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          {upload.isPending && <Loading />}
          {error && (
            <p id={errorId} className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          )}
          {upload.isSuccess && <Alert tone="success">{t('profile.avatar_saved')}</Alert>}
          {profile.hasAvatar && (
            <div>
              <Button variant="secondary" pending={remove.isPending} onClick={() => remove.mutate()}>
                {t('profile.avatar_remove')}
              </Button>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

const fields = [
  'languages',
  'expertise',
  'region',
  'availability',
  'experienceLevel',
  'bio',
  'visibility',
  'buddy',
] as const;

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useApiForm({
    fields,
    submit: (v, data) =>
      saveProfile({
        languages: data.getAll('languages').map(String) as UpdateProfileBody['languages'],
        expertise: data.getAll('expertise').map(String) as UpdateProfileBody['expertise'],
        region: v.region,
        availability: v.availability,
        experienceLevel: (v.experienceLevel || null) as UpdateProfileBody['experienceLevel'],
        bio: v.bio,
        visibility: (v.visibility || 'network') as UpdateProfileBody['visibility'],
        lookingForBuddy: data.getAll('buddy').includes('looking'),
        openToBuddy: data.getAll('buddy').includes('open'),
      }),
    onSuccess: (updated) => queryClient.setQueryData(profileKeys.mine, updated),
  });
  const visibilityLabels: Record<(typeof PROFILE_VISIBILITIES)[number], string> = {
    network: t('profile.visibility_network'),
    platform: t('profile.visibility_platform'),
    public: t('profile.visibility_public'),
  };
  return (
    <section className="card stack" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.details')}</h2>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <LanguagesField
          name="languages"
          legend={t('profile.languages')}
          hint={t('profile.languages_hint')}
          defaultValue={profile.languages}
          error={form.errors.fields.languages}
        />
        <ChoiceGroup
          type="checkbox"
          name="expertise"
          legend={t('profile.expertise')}
          hint={t('profile.expertise_hint')}
          columns
          options={EXPERTISE_AREAS.map((a) => ({ value: a, label: expertiseLabel(t, a) }))}
          defaultValue={profile.expertise}
          error={form.errors.fields.expertise}
        />
        <SelectField
          name="experienceLevel"
          label={t('profile.level')}
          defaultValue={profile.experienceLevel ?? ''}
          options={[
            { value: '', label: t('profile.level_none') },
            ...MENTOR_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) })),
          ]}
          error={form.errors.fields.experienceLevel}
        />
        <TextField
          name="region"
          label={t('profile.region')}
          hint={t('profile.region_hint')}
          defaultValue={profile.region}
          maxLength={120}
          error={form.errors.fields.region}
        />
        <TextField
          name="availability"
          label={t('profile.availability')}
          hint={t('profile.availability_hint')}
          defaultValue={profile.availability}
          maxLength={300}
          error={form.errors.fields.availability}
        />
        <TextAreaField
          name="bio"
          label={t('profile.bio')}
          hint={t('profile.bio_hint')}
          defaultValue={profile.bio}
          maxLength={2000}
          rows={5}
          error={form.errors.fields.bio}
        />
        <ChoiceGroup
          type="checkbox"
          name="buddy"
          legend={t('profile.buddy')}
          hint={t('profile.buddy_hint')}
          options={[
            { value: 'looking', label: t('profile.buddy_looking') },
            { value: 'open', label: t('profile.buddy_open') },
          ]}
          defaultValue={[
            ...(profile.lookingForBuddy ? ['looking'] : []),
            ...(profile.openToBuddy ? ['open'] : []),
          ]}
          error={form.errors.fields.buddy}
        />
        <ChoiceGroup
          type="radio"
          name="visibility"
          legend={t('profile.visibility')}
          options={PROFILE_VISIBILITIES.map((v) => ({ value: v, label: visibilityLabels[v] }))}
          defaultValue={[profile.visibility ?? 'network']}
          error={form.errors.fields.visibility}
        />
        {form.isSuccess && (
          <p role="status" className="alert alert-success">
            {t('common.saved')}
          </p>
        )}
        <Button type="submit" pending={form.isPending}>
          {t('common.save')}
        </Button>
      </ApiForm>
    </section>
  );
}
