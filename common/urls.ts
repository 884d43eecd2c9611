/**
 * The one rule for every web address people type into mentorNET (organisation websites, MOOC
 * course pages, online event links, resource links, …): absolute http(s) only, so a stored value
 * rendered as a link can never run script (javascript:, vbscript:, data:, …).
 */
export const URL_MAX = 2000;
export const URL_SCHEMES = ['https:', 'http:'] as const;

/**
 * Browsers drop leading control characters and spaces and remove tabs and newlines anywhere in a
 * URL before they read its scheme ("java\tscript:" is "javascript:"). We refuse every control
 * character and whitespace inside the address instead of guessing how a reader cleans it.
 */
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule exists to find them
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/;

/** Whether a (trimmed) value is an absolute http(s) address with a host and nothing hidden in it. */
export function isHttpUrl(value: string): boolean {
  if (value.length === 0 || value.length > URL_MAX || UNSAFE_CHARACTERS.test(value)) return false;
  // The text itself must start with the scheme: what is stored is what a browser will read.
  if (!/^https?:\/\/[^/\\?#]/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (URL_SCHEMES as readonly string[]).includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}
