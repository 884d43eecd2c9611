import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { autonym, icuWithIsolates } from './i18n.ts';

async function translator() {
  const instance = i18next.createInstance();
  await instance.use(icuWithIsolates()).init({
    lng: 'ar',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    resources: {
      ar: {
        translation: {
          welcome: 'مرحبًا {name}',
          mention: '{role, select, office {المكتب} other {{name}}} ذكرك في «{title}»',
        },
      },
      en: { translation: { welcome: 'Welcome, {name}' } },
    },
  });
  return instance;
}

describe('UI strings with user text', () => {
  it('isolate a name or a title inside an Arabic sentence', async () => {
    const i18n = await translator();
    expect(i18n.t('welcome', { name: 'Olga' })).toBe('مرحبًا \u2068Olga\u2069');
    expect(i18n.t('mention', { role: 'office', title: 'Jobcenter?' })).toBe(
      'المكتب ذكرك في «\u2068Jobcenter?\u2069»',
    );
  });

  it('leave left-to-right languages as they were', async () => {
    const i18n = await translator();
    await i18n.changeLanguage('en');
    expect(i18n.t('welcome', { name: 'Olga' })).toBe('Welcome, Olga');
  });
});

describe('language names', () => {
  it('name every language in itself, also where the runtime has no data for it', () => {
    expect(autonym('es')).toBe('Español');
    expect(autonym('ti')).toBe('ትግርኛ');
    expect(autonym('so')).toBe('Soomaali');
  });
});
