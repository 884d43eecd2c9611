import { readFileSync } from 'node:fs';

type Catalogue = { [key: string]: string | Catalogue };
const ar = JSON.parse(
  readFileSync(new URL('../../common/i18n/ar.json', import.meta.url), 'utf8'),
) as Catalogue;

/**
 * A message of the Arabic catalogue, for steps that find their way as an Arabic reader does.
 * Values fill simple `{name}` arguments isolated (U+2068 … U+2069), as the app shows them.
 */
export function arabic(key: string, params: Record<string, string> = {}): string {
  let node: string | Catalogue | undefined = ar;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no Arabic text for ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] ? `\u2068${params[name]}\u2069` : ''));
}
