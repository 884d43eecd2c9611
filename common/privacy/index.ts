/**
 * The privacy check of case consultations: finds personal data in a text (names, dates of birth,
 * phone numbers, e-mail and postal addresses, ID numbers, IBANs, places of origin) in English,
 * German, Italian, Polish, Greek, Arabic and Ukrainian. Shared by the server and the web app (which
 * loads it lazily): no zod, no Node API.
 */
export { type DetectOptions, detectPersonalData } from './detect.ts';
export {
  type Finding,
  PLACEHOLDERS,
  PRIVACY_KINDS,
  type PrivacyKind,
  replaceAllFindings,
  replaceFinding,
} from './kinds.ts';
