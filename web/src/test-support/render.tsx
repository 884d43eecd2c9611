import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next, { type i18n } from 'i18next';
import ICU from 'i18next-icu';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import ar from '../../../common/i18n/ar.json';
import de from '../../../common/i18n/de.json';
import el from '../../../common/i18n/el.json';
import en from '../../../common/i18n/en.json';
import it from '../../../common/i18n/it.json';
import pl from '../../../common/i18n/pl.json';
import uk from '../../../common/i18n/uk.json';

const catalogues = { en, de, it, pl, el, ar, uk };
export type TestLanguage = keyof typeof catalogues;

/** A translator of its own for one language, with the app's catalogue and ICU messages. */
export function translator(lng: TestLanguage = 'en'): i18n {
  const instance = i18next.createInstance();
  instance.use(ICU).init({
    lng,
    resources: { [lng]: { translation: catalogues[lng] } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Markup of a component that needs only translations. */
export function renderTranslated(node: ReactNode, lng: TestLanguage = 'en'): string {
  return renderToStaticMarkup(<I18nextProvider i18n={translator(lng)}>{node}</I18nextProvider>);
}

/** Markup of a page-level component: translations, a query client (seed it to show data) and a router. */
export function renderPage(
  node: ReactNode,
  lng: TestLanguage = 'en',
  client: QueryClient = new QueryClient(),
): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={translator(lng)}>
        <MemoryRouter>{node}</MemoryRouter>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}
