import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shownName } from './people.ts';

type Catalogue = { [key: string]: string | Catalogue };

/** A translator over one real catalogue (only plain messages are asked for). */
function translatorFor(locale: string) {
  const catalogue = JSON.parse(
    readFileSync(new URL(`../../../common/i18n/${locale}.json`, import.meta.url), 'utf8'),
  ) as Catalogue;
  return (key: string): string => {
    let node: string | Catalogue | undefined = catalogue;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : key;
  };
}

describe('the name shown for an author', () => {
  it('is the translated "former member" when the server flags an erased account, whatever the name', () => {
    expect(shownName(translatorFor('en'), { displayName: '', formerMember: true })).toBe('Former member');
    expect(shownName(translatorFor('de'), { displayName: 'Anna', formerMember: true })).toBe(
      'Ehemaliges Mitglied',
    );
    expect(shownName(translatorFor('ar'), { displayName: '', formerMember: true })).toBe('عضو سابق');
  });

  it('is the name otherwise, even an empty one: only the flag makes a former member', () => {
    expect(shownName(translatorFor('en'), { displayName: 'Anna', formerMember: false })).toBe('Anna');
    expect(shownName(translatorFor('en'), { displayName: '', formerMember: false })).toBe('');
  });
});
