import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWebPage, WEB_PAGE_SECTIONS } from './web-pages.ts';

describe('web pages', () => {
  it('lists exactly the first segments of the top-level routes of the web app', () => {
    const source = readFileSync(new URL('../web/src/app/AppRoutes.tsx', import.meta.url), 'utf8');
    // The pages inside a network are under networks/:slug; only the top level counts here.
    const start = source.indexOf('<Route path="networks/:slug"');
    const end = source.indexOf('</Route>', start);
    expect(start).toBeGreaterThan(0);
    const topLevel = source.slice(0, start) + source.slice(end);
    const sections = new Set([...topLevel.matchAll(/path="([^"*]*)"/g)].map((m) => m[1]?.split('/')[0]));
    sections.add(''); // the index route
    expect([...sections].sort()).toEqual([...WEB_PAGE_SECTIONS].sort());
  });

  it('tells pages from other paths', () => {
    expect(isWebPage('/')).toBe(true);
    expect(isWebPage('/networks/leipzig/discussions')).toBe(true);
    expect(isWebPage('/signin')).toBe(true);
    expect(isWebPage('/metrics')).toBe(false);
    expect(isWebPage('/wp-login.php')).toBe(false);
    expect(isWebPage('/signinx')).toBe(false);
  });
});
