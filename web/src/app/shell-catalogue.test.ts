import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cataloguePart, SERVER_ONLY_SECTIONS, SHELL_SECTIONS } from '../../../common/catalogue-parts.ts';
import en from '../../../common/i18n/en.json' with { type: 'json' };

const webSrc = fileURLToPath(new URL('..', import.meta.url));

/** The files a first visit runs before the pages' catalogue part arrives: static imports only. */
function staticGraph(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !file.startsWith(webSrc)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = path.resolve(path.dirname(file), spec as string);
      if (existsSync(target) && /\.tsx?$/.test(target)) visit(target);
    }
  };
  for (const entry of entries) visit(path.join(webSrc, entry));
  return seen;
}

function sectionsUsed(files: Iterable<string>): Set<string> {
  const sections = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const [, section] of source.matchAll(/\bt\(\s*['`]([a-z_]+)\./g)) sections.add(section as string);
  }
  return sections;
}

describe('the catalogue parts', () => {
  it('split a catalogue into two parts without loss, leaving only the mail texts on the server', () => {
    const shell = cataloguePart(en, 'shell');
    const pages = cataloguePart(en, 'pages');
    expect(Object.keys(shell).sort()).toEqual([...SHELL_SECTIONS].sort());
    expect(Object.keys(shell).filter((s) => s in pages)).toEqual([]);
    expect({
      ...shell,
      ...pages,
      ...Object.fromEntries(SERVER_ONLY_SECTIONS.map((s) => [s, en[s as 'mail']])),
    }).toEqual(en);
  });

  it('give the shell and the landing page every text they use before the pages part arrives', () => {
    const files = staticGraph(['main.tsx', 'features/landing/LandingPage.tsx']);
    expect(files.size).toBeGreaterThan(5);
    const outside = [...sectionsUsed(files)].filter((s) => !SHELL_SECTIONS.includes(s));
    expect(outside).toEqual([]);
  });

  it('leave no page to the web app that reads the server-only texts', () => {
    const files = staticGraph(['app/AppRoutes.tsx']);
    const pages = readFileSync(path.join(webSrc, 'app/AppRoutes.tsx'), 'utf8');
    for (const [, spec] of pages.matchAll(/import\('(\.[^']+)'\)/g))
      for (const file of staticGraph([path.relative(webSrc, path.resolve(webSrc, 'app', spec as string))]))
        files.add(file);
    for (const section of SERVER_ONLY_SECTIONS) expect(sectionsUsed(files).has(section)).toBe(false);
  });
});
