import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { toFormErrors } from './form-errors.ts';

const fields = ['email', 'password'] as const;

describe('toFormErrors', () => {
  it('places validation issues next to their fields by path[0]', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid.', [
      { path: ['email'], code: 'invalid_email', message: 'Please enter a valid e-mail address.' },
      { path: ['password'], code: 'required', message: 'This field is required.' },
    ]);
    expect(toFormErrors(error, fields)).toEqual({
      fields: { email: 'Please enter a valid e-mail address.', password: 'This field is required.' },
    });
  });

  it('puts issues about unknown fields above the form', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid.', [
      { path: ['extra'], code: 'unknown_field', message: 'This field is not expected.' },
    ]);
    expect(toFormErrors(error, fields)).toEqual({ fields: {}, form: 'This field is not expected.' });
  });

  it('follows a details.field hint', () => {
    const error = new ApiError(400, 'WEAK_PASSWORD', 'Please choose a stronger password.', {
      field: 'password',
    });
    expect(toFormErrors(error, fields).fields.password).toBe('Please choose a stronger password.');
  });

  it('uses the code-to-field map when the API names no field', () => {
    const error = new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong password.');
    expect(
      toFormErrors(error, ['currentPassword'] as const, { INVALID_CREDENTIALS: 'currentPassword' }),
    ).toEqual({
      fields: { currentPassword: 'Wrong password.' },
    });
  });

  it('shows anything else above the form', () => {
    const error = new ApiError(429, 'RATE_LIMITED', 'Too many attempts.', { retryAfterSeconds: 60 });
    expect(toFormErrors(error, fields)).toEqual({ fields: {}, form: 'Too many attempts.' });
    expect(toFormErrors(undefined, fields)).toEqual({ fields: {} });
  });
});
