import { describe, expect, it } from 'vitest';
import { findMentions, isSafeHref, renderMarkdown } from './markdown.ts';

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'rel',
  'src',
  'alt',
  'title',
  'class',
  'data-user-id',
  'loading',
  'start',
  'style',
]);

/** Every tag and attribute in the output, checked against what a safe post may contain. */
function assertInert(html: string) {
  const tags = html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g);
  for (const [whole, tag = '', rest = ''] of tags) {
    expect(ALLOWED_TAGS.has(tag.toLowerCase()), `tag in ${whole}`).toBe(true);
    for (const [, name = '', value = ''] of rest.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      expect(ALLOWED_ATTRIBUTES.has(name.toLowerCase()), `attribute ${name} in ${whole}`).toBe(true);
      if (name === 'style') expect(value).toMatch(/^text-align:(left|right|center)$/);
      if (name === 'href' || name === 'src') {
        const decoded = value.replace(/&amp;/g, '&').toLowerCase();
        expect(decoded, whole).not.toMatch(/^\s*(javascript|vbscript|data|file):/);
        expect(decoded.startsWith('//'), whole).toBe(false);
      }
    }
  }
  // Nothing that looks like markup survived unescaped outside of the tags checked above.
  expect(html).not.toMatch(/<(script|svg|iframe|object|embed|style|math|form|input|base|meta|link)\b/i);
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;&#x76;&#x61;script:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](java&#09;script:alert(1))',
  '[click](\u0001javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example/pixel.gif)',
  '![x](//evil.example/a.png)',
  '[click](//evil.example)',
  '[click](/\\evil.example)',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1))',
  '[x](https://ok.example" onclick="alert(1))',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<<script>script>alert(1)<</script>/script>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```"><script>alert(1)</script>\ncode\n```',
  '<!-- --><script>alert(1)</script>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  'javascript:alert(1)',
  'www.example.org/"onmouseover="alert(1)',
  'https://example.org/<script>alert(1)</script>',
  '@[<img src=x onerror=alert(1)>](0190a1b2-0000-7000-8000-000000000001)',
  '[@[x](0190a1b2-0000-7000-8000-000000000001)](javascript:alert(1))',
  '<style>body{display:none}</style>',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '<http://a.example/"onmouseover="alert(1)>',
  '<javascript:alert(1)>',
];

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('renders %j without executable HTML', (payload) => {
    const html = renderMarkdown(payload, new Map([['0190a1b2-0000-7000-8000-000000000001', '<b>Eve</b>']]));
    assertInert(html);
    expect(html.toLowerCase()).not.toContain('href="javascript');
  });

  it('keeps ordinary Markdown', () => {
    const html = renderMarkdown('# Hello\n\n**bold** *it* `code`\n\n- a\n- b\n\n[site](https://example.org)');
    expect(html).toContain('<h1>Hello</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer ugc">site</a>');
    expect(html).toContain('<li>a</li>');
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>\n');
  });

  it('renders mentions with the name the server knows, escaped', () => {
    const id = '0190a1b2-0000-7000-8000-000000000001';
    const html = renderMarkdown(`Hi @[Someone else](${id})!`, new Map([[id, 'Amal <M>']]));
    expect(html).toBe(`<p>Hi <span class="mention" data-user-id="${id}">@Amal &lt;M&gt;</span>!</p>\n`);
  });

  it('shows attachment images and drops remote ones', () => {
    const src = '/api/networks/demo-net/attachments/0190a1b2-0000-7000-8000-000000000002';
    expect(renderMarkdown(`![plan](${src})`)).toContain(`<img src="${src}" alt="plan" loading="lazy">`);
    expect(renderMarkdown('![plan](https://example.org/a.png)')).toBe('<p>plan</p>\n');
  });
});

describe('findMentions', () => {
  it('finds each mentioned id once, not inside code', () => {
    const a = '0190a1b2-0000-7000-8000-00000000000a';
    const b = '0190a1b2-0000-7000-8000-00000000000b';
    const c = '0190a1b2-0000-7000-8000-00000000000c';
    expect(findMentions(`@[A](${a}) and @[B](${b}), again @[A](${a}); \`@[C](${c})\``)).toEqual([a, b]);
  });
});

describe('isSafeHref', () => {
  it.each([
    ['https://example.org', true],
    ['mailto:a@example.org', true],
    ['/api/x', true],
    ['#top', true],
    ['//evil.example', false],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['ftp://example.org', false],
  ])('%s → %s', (url, safe) => expect(isSafeHref(url)).toBe(safe));
});
