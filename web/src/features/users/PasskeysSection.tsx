import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasskeyInfo } from '../../../../common/contracts/passkeys.ts';
import { Alert } from '../../components/Alert.tsx';
import { ApiForm } from '../../components/ApiForm.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { useApiForm } from '../../lib/use-api-form.ts';
import { canUsePasskeys, createPasskey } from '../../lib/webauthn.ts';
import {
  addPasskey,
  removePasskey,
  renamePasskey,
  startPasskeyRegistration,
  userKeys,
  usePasskeys,
} from './api.ts';

const addFields = ['name', 'currentPassword'] as const;
const renameFields = ['name'] as const;
const removeFields = ['currentPassword'] as const;

/** Account security: passkeys, which sign in without the password and count as a second factor. */
export function PasskeysSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const passkeys = usePasskeys();
  const [notice, setNotice] = useState<string | null>(null);
  // Adding or removing a passkey signs out the other sessions, and may satisfy the platform's rule.
  const changed = (message: string | null) => {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: userKeys.passkeys });
    void queryClient.invalidateQueries({ queryKey: userKeys.sessions });
  };
  const list = passkeys.data?.passkeys ?? [];
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.passkeys.title')}</h2>
      <p className="muted">{t('account.passkeys.intro')}</p>
      {passkeys.isPending && <Loading />}
      {passkeys.isError && <Alert tone="error">{passkeys.error.message}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {passkeys.isSuccess &&
        (list.length === 0 ? (
          <p className="empty">{t('account.passkeys.none')}</p>
        ) : (
          <ul className="session-list">
            {list.map((passkey) => (
              <PasskeyItem
                key={passkey.id}
                passkey={passkey}
                onRenamed={() => changed(null)}
                onRemoved={() => changed(t('account.passkeys.removed'))}
              />
            ))}
          </ul>
        ))}
      {canUsePasskeys() ? (
        <AddPasskey onAdded={() => changed(t('account.passkeys.added'))} />
      ) : (
        <p className="muted">{t('account.passkeys.unsupported')}</p>
      )}
    </section>
  );
}

/** Adding: a name and the password again, then the browser makes the passkey. */
function AddPasskey({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useApiForm({
    fields: addFields,
    required: addFields,
    codeFields: { INVALID_CREDENTIALS: 'currentPassword' },
    submit: async ({ name, currentPassword }) => {
      const options = await startPasskeyRegistration({ currentPassword });
      const credential = await createPasskey(options, t('account.passkeys.not_used'));
      return addPasskey(name, credential);
    },
    onSuccess: () => {
      form.formRef.current?.reset();
      onAdded();
    },
  });
  return (
    <section className="stack" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('account.passkeys.add_title')}</h3>
      <ApiForm formRef={form.formRef} onSubmit={form.onSubmit} formError={form.errors.form}>
        <TextField
          name="name"
          label={t('account.passkeys.name_label')}
          autoComplete="off"
          error={form.errors.fields.name}
        />
        <TextField
          name="currentPassword"
          type="password"
          label={t('account.password.current')}
          autoComplete="current-password"
          error={form.errors.fields.currentPassword}
        />
        <Button type="submit" pending={form.isPending}>
          {t('account.passkeys.add_submit')}
        </Button>
      </ApiForm>
    </section>
  );
}

interface PasskeyItemProps {
  passkey: PasskeyInfo;
  onRenamed: () => void;
  onRemoved: () => void;
}

/** One passkey: its name, when added and last used; renaming, removing (password again). */
function PasskeyItem({ passkey, onRenamed, onRemoved }: PasskeyItemProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');
  const rename = useApiForm({
    fields: renameFields,
    required: renameFields,
    submit: ({ name }) => renamePasskey(passkey.id, name),
    onSuccess: () => {
      setMode('view');
      onRenamed();
    },
  });
  const remove = useApiForm({
    fields: removeFields,
    required: removeFields,
    codeFields: { INVALID_CREDENTIALS: 'currentPassword' },
    submit: ({ currentPassword }) => removePasskey(passkey.id, { currentPassword }),
    onSuccess: onRemoved,
  });
  return (
    <li className="session">
      <div className="session-info stack">
        <p className="session-device">
          <UserText>{passkey.name}</UserText>
          {passkey.backedUp && <span className="badge">{t('account.passkeys.synced')}</span>}
        </p>
        <p className="muted small">
          {t('account.passkeys.created', { when: new Date(passkey.createdAt) })}
          {' · '}
          {passkey.lastUsedAt
            ? t('account.passkeys.last_used', { when: new Date(passkey.lastUsedAt) })
            : t('account.passkeys.never_used')}
        </p>
        {mode === 'rename' && (
          <ApiForm formRef={rename.formRef} onSubmit={rename.onSubmit} formError={rename.errors.form}>
            <TextField
              name="name"
              label={t('account.passkeys.rename_label')}
              defaultValue={passkey.name}
              autoComplete="off"
              error={rename.errors.fields.name}
            />
            <div className="actions">
              <Button type="submit" pending={rename.isPending}>
                {t('account.passkeys.rename_submit')}
              </Button>
              <Button variant="secondary" onClick={() => setMode('view')}>
                {t('common.cancel')}
              </Button>
            </div>
          </ApiForm>
        )}
        {mode === 'remove' && (
          <ApiForm formRef={remove.formRef} onSubmit={remove.onSubmit} formError={remove.errors.form}>
            <p>{t('account.passkeys.remove_hint')}</p>
            <TextField
              name="currentPassword"
              type="password"
              label={t('account.password.current')}
              autoComplete="current-password"
              error={remove.errors.fields.currentPassword}
            />
            <div className="actions">
              <Button type="submit" variant="danger" pending={remove.isPending}>
                {t('account.passkeys.remove_submit')}
              </Button>
              <Button variant="secondary" onClick={() => setMode('view')}>
                {t('common.cancel')}
              </Button>
            </div>
          </ApiForm>
        )}
      </div>
      {mode === 'view' && (
        <div className="actions">
          <Button
            variant="secondary"
            onClick={() => setMode('rename')}
            aria-label={t('account.passkeys.rename_named', { name: passkey.name })}
          >
            {t('account.passkeys.rename')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => setMode('remove')}
            aria-label={t('account.passkeys.remove_named', { name: passkey.name })}
          >
            {t('account.passkeys.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}
