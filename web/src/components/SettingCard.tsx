import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';

interface SaveState {
  isPending: boolean;
  isSuccess: boolean;
  error: Error | null;
}

/**
 * One setting of a settings page as a card: its heading, a form with its field(s) and a Save
 * button, then "saved" or the error in the reader's language. `onSave` gets the form's data.
 */
export function SettingCard({
  heading,
  savedText,
  save,
  onSave,
  children,
}: {
  heading: string;
  savedText: string;
  save: SaveState;
  onSave: (data: FormData) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(new FormData(event.currentTarget));
  };
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <form className="stack-tight" onSubmit={onSubmit}>
        {children}
        <div>
          <Button type="submit" variant="secondary" pending={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      {save.isSuccess && <Alert tone="success">{savedText}</Alert>}
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
    </section>
  );
}
