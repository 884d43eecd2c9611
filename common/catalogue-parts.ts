/**
 * The web app downloads a language's catalogue in two parts: the few sections the first page
 * needs (header, landing page, forms, the fallback error texts) before the first render, and the
 * pages' sections right after it. The server's mail texts stay on the server.
 */
export const SHELL_SECTIONS: readonly string[] = [
  'common',
  'errors',
  'forms',
  'landing',
  'nav',
  'offline',
  'search',
  'validation',
];

/** Sections only the server uses (mail bodies and subjects). */
export const SERVER_ONLY_SECTIONS: readonly string[] = ['mail'];

export type CataloguePart = 'shell' | 'pages';

/** The sections of a catalogue that belong to one part. */
export function cataloguePart(
  catalogue: Record<string, unknown>,
  part: CataloguePart,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(catalogue)) {
    if (SERVER_ONLY_SECTIONS.includes(section)) continue;
    if (SHELL_SECTIONS.includes(section) === (part === 'shell')) result[section] = value;
  }
  return result;
}
