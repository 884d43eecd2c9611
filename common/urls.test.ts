import { describe, expect, it } from 'vitest';
import { HttpUrl } from './contracts/url.ts';
import { isHttpUrl, URL_MAX } from './urls.ts';

describe('the shared web address rule', () => {
  it('accepts absolute http and https addresses', () => {
    for (const good of [
      'https://example.org',
      'http://example.org/',
      'HTTPS://Example.org/a?b=1#c',
      'https://xn--mnchen-3ya.example/pfad',
      'https://example.org:8443/x',
    ])
      expect([good, isHttpUrl(good)]).toEqual([good, true]);
  });

  it('refuses script, data and other schemes in any spelling', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'javascript://example.org/%0aalert(1)',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      'ftp://example.org',
      'mailto:a@example.org',
      'blob:https://example.org/1',
    ])
      expect([bad, isHttpUrl(bad)]).toEqual([bad, false]);
  });

  it('refuses control characters and whitespace that browsers strip before reading the scheme', () => {
    for (const bad of [
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0001javascript:alert(1)',
      '\u0000https://example.org',
      'https://exa\tmple.org',
      'https://example.org/a b',
      'https://example.org/\u200b',
      'https://example.org/\u2028',
      'https://example.org/\u00a0',
      '\ufeffhttps://example.org',
      'https://example.org/\u007f',
    ])
      expect([JSON.stringify(bad), isHttpUrl(bad)]).toEqual([JSON.stringify(bad), false]);
  });

  it('refuses relative, scheme-relative and host-less addresses', () => {
    for (const bad of [
      '/admin',
      '../x',
      '//evil.example/x',
      'example.org',
      'www.example.org/path',
      'https:example.org',
      'https://',
      'http:///x',
      '',
      '#top',
      '?q=1',
    ])
      expect([bad, isHttpUrl(bad)]).toEqual([bad, false]);
  });

  it('refuses overlong addresses', () => {
    const base = 'https://example.org/';
    expect(isHttpUrl(base + 'a'.repeat(URL_MAX - base.length))).toBe(true);
    expect(isHttpUrl(base + 'a'.repeat(URL_MAX - base.length + 1))).toBe(false);
  });

  it('as a zod rule: trims surrounding spaces, keeps the length limit, marks the issue invalid_url', () => {
    expect(HttpUrl(300).parse('  https://example.org/x  ')).toBe('https://example.org/x');
    expect(HttpUrl(30).safeParse(`https://example.org/${'a'.repeat(20)}`).success).toBe(false);
    const refused = HttpUrl().safeParse(' \tjavascript:alert(1)');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'invalid_url' } });
  });
});
