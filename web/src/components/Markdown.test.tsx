import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.tsx';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} headingOffset={1} />);

describe('Markdown', () => {
  it('renders headings, paragraphs, lists and inline marks', () => {
    const out = html(
      '# Title\n\nSome **bold** and *soft*\ntext with `code`.\n\n- one\n- two\n  continued\n\n1. first\n2. second',
    );
    expect(out).toContain('<h2>Title</h2>');
    expect(out).toContain('<p>Some <strong>bold</strong> and <em>soft</em> text with <code>code</code>.</p>');
    expect(out).toContain('<ul><li>one</li><li>two continued</li></ul>');
    expect(out).toContain('<ol><li>first</li><li>second</li></ol>');
  });

  it('keeps raw HTML as text', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
  });

  it('links only http(s) and mailto addresses', () => {
    const out = html('[site](https://example.org) [mail](mailto:a@example.org) [bad](javascript:alert(1))');
    expect(out).toContain('href="https://example.org"');
    expect(out).toContain('href="mailto:a@example.org"');
    expect(out).not.toContain('javascript:');
  });
});
