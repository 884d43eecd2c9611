import { ApiError } from './api-client.ts';

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form?: string;
}

interface ValidationIssue {
  path: unknown[];
  message: string;
}

function isValidationIssue(value: unknown): value is ValidationIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as ValidationIssue).path) &&
    typeof (value as ValidationIssue).message === 'string'
  );
}

/**
 * Places an API error next to the fields it concerns: VALIDATION_FAILED issues by `path[0]`,
 * `details.field` hints (WEAK_PASSWORD, EMAIL_TAKEN…) on that field, else the field `codeFields` names
 * for the code, everything else above the form.
 */
export function toFormErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  codeFields: Partial<Record<string, F>> = {},
): FormErrors<F> {
  if (!error) return { fields: {} };
  if (!(error instanceof ApiError)) return { fields: {}, form: String(error) };
  const isField = (name: unknown): name is F => typeof name === 'string' && fields.includes(name as F);
  const result: FormErrors<F> = { fields: {} };
  const details = error.details;
  if (Array.isArray(details)) {
    for (const issue of details.filter(isValidationIssue)) {
      const name = issue.path[0];
      if (isField(name)) result.fields[name] ??= issue.message;
      else result.form ??= issue.message;
    }
  } else if (typeof details === 'object' && details !== null && 'field' in details) {
    const name = (details as { field: unknown }).field;
    if (isField(name)) result.fields[name] = error.message;
  }
  const fallbackField = codeFields[error.code];
  if (Object.keys(result.fields).length === 0 && fallbackField && !result.form) {
    result.fields[fallbackField] = error.message;
  }
  if (Object.keys(result.fields).length === 0) result.form ??= error.message;
  return result;
}
