import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, toFormErrors } from './form-errors.ts';

interface ApiFormOptions<F extends string, R> {
  fields: readonly F[];
  required?: readonly F[];
  /** Which field an error code concerns when the API does not say (e.g. INVALID_CREDENTIALS → currentPassword). */
  codeFields?: Partial<Record<string, F>>;
  /** `data` holds everything the form sent, for multi-value fields (checkbox groups, language lists). */
  submit: (values: Record<F, string>, data: FormData) => Promise<R>;
  /** Checks beyond "required" before sending (e.g. a consent box left unticked): an error per field. */
  validate?: (values: Record<F, string>, data: FormData) => Partial<Record<F, string>>;
  onSuccess?: (result: R, values: Record<F, string>) => void;
}

/**
 * Wires a form to an API call: empty required fields are caught before sending, API errors are
 * spread onto their fields, and the first invalid field takes the focus.
 */
export function useApiForm<F extends string, R>({
  fields,
  required = [],
  codeFields,
  submit,
  validate,
  onSuccess,
}: ApiFormOptions<F, R>) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FormErrors<F> | null>(null);
  const mutation = useMutation({
    mutationFn: ({ values, data }: { values: Record<F, string>; data: FormData }) => submit(values, data),
    onSuccess: (result, { values }) => onSuccess?.(result, values),
  });
  const errors: FormErrors<F> = clientErrors ?? toFormErrors(mutation.error, fields, codeFields);

  const errorSignature = JSON.stringify(errors);
  useEffect(() => {
    if (errorSignature === '{"fields":{}}') return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [errorSignature]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? '')])) as Record<F, string>;
    const missing: Partial<Record<F, string>> = validate?.(values, data) ?? {};
    for (const name of required) if (!values[name].trim()) missing[name] = t('common.field_required');
    if (Object.keys(missing).length > 0) {
      setClientErrors({ fields: missing });
      return;
    }
    setClientErrors(null);
    mutation.mutate({ values, data });
  }

  return {
    formRef,
    onSubmit,
    errors,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    data: mutation.data,
    reset: mutation.reset,
  };
}
