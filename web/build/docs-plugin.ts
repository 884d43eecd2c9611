import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { TRANSLATION_GUIDE_PATH } from '../../common/locales.ts';

/**
 * Ships the translators' guide (docs/translations.md) with the app as plain text, where the language
 * picker's "help us improve it" link points: an instance need not know where its source is hosted.
 */
export function docsPlugin(): Plugin {
  return {
    name: 'mentornet-docs',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: TRANSLATION_GUIDE_PATH.slice(1),
        source: readFileSync(new URL('../../docs/translations.md', import.meta.url), 'utf8'),
      });
    },
  };
}
