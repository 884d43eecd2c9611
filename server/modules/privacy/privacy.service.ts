import { detectPersonalData, type Finding } from '../../../common/privacy/index.ts';

/**
 * The server's privacy check of case texts: the same detector the web app runs as the mentor
 * types, run again when a case consultation is posted, so that a client that skipped it (or an
 * older app) cannot post unchecked.
 */

/**
 * The personal data in a case text, in text order. The whole text is checked, however long (about
 * 15 ms for 2,000 characters); the endpoint's contract caps what a client may send.
 */
export function checkCaseText(text: string): Finding[] {
  return detectPersonalData(text);
}

/** Whether a case text still holds personal data (the form then asks for an explicit confirmation). */
export function hasPersonalData(text: string): boolean {
  return checkCaseText(text).length > 0;
}
