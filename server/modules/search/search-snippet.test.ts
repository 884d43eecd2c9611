import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.ts';
import {
  EXCERPT_CONTEXT,
  excerptAround,
  foldWord,
  markWords,
  snippetOf,
  termsToMark,
} from './search-snippet.ts';

describe('search snippets', () => {
  it('mark every word that starts with a searched word, accents and ß aside, never excluded words', () => {
    const terms = termsToMark(parseSearchQuery('wohnung strasse -miete "Amt"'));
    expect(terms).toEqual(['wohnung', 'strasse', 'amt']);
    expect(foldWord('Müllerstraße')).toBe('mullerstrasse');
    expect(markWords('Wohnungssuche in der Straße am Amtsgericht, Miete hoch', terms)).toEqual([
      { text: 'Wohnungssuche', mark: true },
      { text: ' in der ', mark: false },
      { text: 'Straße', mark: true },
      { text: ' am ', mark: false },
      { text: 'Amtsgericht', mark: true },
      { text: ', Miete hoch', mark: false },
    ]);
  });

  it('mark short words only where they are whole words', () => {
    expect(markWords('Amt am Amtsgericht', ['am'])).toEqual([
      { text: 'Amt ', mark: false },
      { text: 'am', mark: true },
      { text: ' Amtsgericht', mark: false },
    ]);
  });

  it('cut a window around the first match at word boundaries, with … where text was left out', () => {
    const text = `${'Anfang '.repeat(30)}hier die Wohnungssuche ${'Ende '.repeat(50)}`.trim();
    const pieces = snippetOf(text, ['wohnung'], 80);
    const snippet = pieces.map((p) => p.text).join('');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet).toMatch(/…(Anfang )+hier die Wohnungssuche( Ende)+ …/);
    expect(pieces.filter((p) => p.mark)).toEqual([{ text: 'Wohnungssuche', mark: true }]);
    // No match in the text (the title matched): its beginning.
    expect(snippetOf('Kurz.', ['wohnung'])).toEqual([{ text: 'Kurz.', mark: false }]);
    expect(snippetOf('', ['wohnung'])).toEqual([]);
  });

  it('keep only the lines around the first match of a long source, saying where text was left out', () => {
    const before = 'Vorher **fett** [Link](https://example.org).\n'.repeat(40);
    const after = '\nNachher _kursiv_.'.repeat(60);
    const excerpt = excerptAround(`${before}Die Wohnungssuche hier.${after}`, ['wohnung']);
    expect(excerpt.length).toBeLessThan(2 * EXCERPT_CONTEXT + 10);
    expect(excerpt).toMatch(/^… Vorher \*\*fett\*\* \[Link\]\(https:\/\/example.org\)\.\n/);
    expect(excerpt).toContain('Die Wohnungssuche hier.');
    expect(excerpt).toMatch(/\nNachher _kursiv_\. …$/);
    expect(excerptAround('kurz', ['wohnung'])).toBe('kurz');
  });
});
