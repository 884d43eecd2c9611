import type { ReactNode, RefObject } from 'react';
import { Alert } from './Alert.tsx';

interface ApiFormProps {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  formError?: string;
  children: ReactNode;
  label?: string;
}

/** A form validated by the server (noValidate: browser bubbles would not speak the UI language). */
export function ApiForm({ formRef, onSubmit, formError, children, label }: ApiFormProps) {
  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-label={label}>
      {formError && <Alert tone="error">{formError}</Alert>}
      {children}
    </form>
  );
}
