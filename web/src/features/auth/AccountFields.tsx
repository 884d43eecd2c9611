import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../common/auth.ts';
import { TextField } from '../../components/Field.tsx';

type AccountField = 'displayName' | 'email' | 'password';

/** Name, e-mail and a new password: the fields of every form that creates an account. */
export function AccountFields({
  errors,
  withEmail = true,
  nameHint = true,
}: {
  errors: Partial<Record<AccountField, string>>;
  /** False where the address is already known (an e-mail invitation). */
  withEmail?: boolean;
  /** The hint that the name is shown to others. */
  nameHint?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="displayName"
        label={t('auth.display_name')}
        hint={nameHint ? t('auth.display_name_hint') : undefined}
        autoComplete="name"
        maxLength={80}
        error={errors.displayName}
      />
      {withEmail && (
        <TextField
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="email"
          inputMode="email"
          error={errors.email}
        />
      )}
      <TextField
        name="password"
        type="password"
        label={t('auth.password')}
        hint={t('auth.password_hint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        error={errors.password}
      />
    </>
  );
}
