import { detectPersonalData, type Finding } from '../../../common/privacy/index.ts';
import { PRIVACY_CHECK_MAX_CHARS } from '../../../common/privacy/kinds.ts';

/**
 * The server's privacy check of case texts: the same detector the web app runs as the mentor
 * types, run again when a case consultation is posted, so that a client that skipped it (or an
 * older app) cannot post unchecked.
 */

/** The personal data in a case text, in text order. */
export function checkCaseText(text: string): Finding[] {
  // The contract caps the text; a caller from inside the server is capped here too.
  return detectPersonalData(text.slice(0, PRIVACY_CHECK_MAX_CHARS));
}

/** Whether a case text still holds personal data (the form then asks for an explicit confirmation). */
export function hasPersonalData(text: string): boolean {
  return checkCaseText(text).length > 0;
}
