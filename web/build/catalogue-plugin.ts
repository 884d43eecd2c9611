import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { type CataloguePart, cataloguePart } from '../../common/catalogue-parts.ts';

const PART_ID = /[/\\]common[/\\]i18n[/\\][a-z-]+\.json\?part=(shell|pages)$/;

/**
 * `common/i18n/<lang>.json?part=shell|pages`: one part of a catalogue as its own JSON module (the
 * source catalogue stays one file per language; see common/catalogue-parts.ts).
 */
export function cataloguePlugin(): Plugin {
  return {
    name: 'mentornet-catalogue-parts',
    enforce: 'pre',
    load(id) {
      const match = PART_ID.exec(id);
      if (!match) return null;
      const file = id.slice(0, id.indexOf('?'));
      this.addWatchFile(file);
      const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // A JavaScript module (Vite's JSON plugin does not take ids with this query); JSON.parse of a
      // string literal is the quickest way for a browser to read a large object.
      const json = JSON.stringify(cataloguePart(catalogue, match[1] as CataloguePart));
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}
