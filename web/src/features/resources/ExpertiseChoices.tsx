import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERTISE_AREAS, type ExpertiseArea } from '../../../../common/expertise.ts';
import { expertiseLabel } from '../../lib/labels.ts';

/** The expertise areas a resource is about: checkboxes that the editor's draft keeps. */
export function ExpertiseChoices({
  value,
  onChange,
  error,
}: {
  value: readonly ExpertiseArea[];
  onChange: (next: ExpertiseArea[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset className="field choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>{t('resources.field_expertise')}</legend>
      <div className="choices choices-columns">
        {EXPERTISE_AREAS.map((area) => (
          <label key={area} className="choice">
            <input
              type="checkbox"
              name="expertise"
              value={area}
              checked={value.includes(area)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? EXPERTISE_AREAS.filter((a) => a === area || value.includes(a))
                    : value.filter((a) => a !== area),
                )
              }
            />
            <span>{expertiseLabel(t, area)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
