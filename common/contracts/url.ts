import { z } from 'zod';
import { isHttpUrl, URL_MAX } from '../urls.ts';

/** The issue parameter the error handler turns into the field error code `invalid_url`. */
export const INVALID_URL = 'invalid_url';

/**
 * The shared zod rule for a web address field: trimmed, at most `max` characters, absolute http(s)
 * (see `isHttpUrl`). Every URL field in the contracts uses it.
 */
export function HttpUrl(max: number = URL_MAX) {
  return z
    .string()
    .trim()
    .max(max)
    .refine(isHttpUrl, { message: 'an http(s) address', params: { code: INVALID_URL } });
}
