import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../common/contracts/search.ts';
import { MarkedText } from './MarkedText.tsx';
import { resultLink } from './SearchPage.tsx';

describe('search results', () => {
  it('render snippets as text with only the matched words marked, never as HTML', () => {
    const html = renderToStaticMarkup(
      <MarkedText
        pieces={[
          { text: '<img src=x onerror=alert(1)> ', mark: false },
          { text: 'Wohnungssuche', mark: true },
          { text: ' in Leipzig', mark: false },
        ]}
      />,
    );
    expect(html).toBe(
      '<bdi dir="auto">&lt;img src=x onerror=alert(1)&gt; <mark>Wohnungssuche</mark> in Leipzig</bdi>',
    );
  });

  it('link every kind of result to its page', () => {
    const base: SearchResult = {
      type: 'topic',
      id: 't1',
      network: { slug: 'leipzig', name: 'Leipzig' },
      title: 'Wohnungssuche',
      topicId: null,
      slug: null,
      snippet: [],
      titleMarks: [],
    };
    const link = (fields: Partial<SearchResult>) => resultLink({ ...base, ...fields });
    expect(link({})).toBe('/networks/leipzig/discussions/t1');
    expect(link({ type: 'reply', id: 'p1', topicId: 't1' })).toBe('/networks/leipzig/discussions/t1#post-p1');
    expect(link({ type: 'announcement', id: 'a1' })).toBe('/networks/leipzig#announcement-a1');
    expect(link({ type: 'help_request', id: 'h1' })).toBe('/networks/leipzig/support/h1');
    expect(link({ type: 'event', id: 'e1' })).toBe('/networks/leipzig/events/e1');
    expect(link({ type: 'resource', id: 'r1' })).toBe('/networks/leipzig/resources/r1');
    expect(link({ type: 'organisation', id: 'o1', slug: 'wohnungshilfe', network: null })).toBe(
      '/organisations/wohnungshilfe',
    );
    expect(link({ type: 'member', id: 'u1', title: 'Jonas Müller' })).toBe(
      '/networks/leipzig/directory?q=Jonas%20M%C3%BCller',
    );
  });
});
