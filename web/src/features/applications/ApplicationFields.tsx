import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../common/contracts/networks.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { LanguagesField } from '../../components/LanguagesField.tsx';

type ApplicationField = 'motivation' | 'experience' | 'languages';

/** Motivation, experience and languages: what every application to a network asks. */
export function ApplicationFields({
  network,
  errors,
  languages,
}: {
  network: Pick<Network, 'languages'>;
  errors: Partial<Record<ApplicationField, string>>;
  /** The applicant's own languages, ticked at first; undefined while not known (none ticked). */
  languages?: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField
        name="motivation"
        label={t('applications.motivation')}
        hint={t('applications.motivation_hint')}
        maxLength={4000}
        error={errors.motivation}
      />
      <TextAreaField
        name="experience"
        label={t('applications.experience')}
        hint={t('applications.experience_hint')}
        maxLength={4000}
        error={errors.experience}
      />
      <LanguagesField
        // The ticks are the field's own state: they are set anew once the applicant's are known.
        key={languages ? 'own' : 'none'}
        name="languages"
        legend={t('applications.languages')}
        first={network.languages}
        defaultValue={languages ?? []}
        error={errors.languages}
      />
    </>
  );
}
