import { readFileSync } from 'node:fs';

type Catalogue = { [key: string]: string | Catalogue };

/**
 * The messages of one catalogue as the app shows them, for steps that find their way as a reader
 * of that language does. Values fill simple `{name}` arguments isolated (U+2068 … U+2069), as the
 * app shows them.
 */
export function messageOf(locale: string) {
  const catalogue = JSON.parse(
    readFileSync(new URL(`../../common/i18n/${locale}.json`, import.meta.url), 'utf8'),
  ) as Catalogue;
  return (key: string, params: Record<string, string> = {}): string => {
    let node: string | Catalogue | undefined = catalogue;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no ${locale} text for ${key}`);
    return node.replace(/\{(\w+)\}/g, (_, name: string) =>
      params[name] ? `\u2068${params[name]}\u2069` : '',
    );
  };
}

/** A message of the Arabic catalogue (see `messageOf`). */
export const arabic = messageOf('ar');
