import { type ComponentType, lazy } from 'react';
import { pagesCatalogue } from '../lib/i18n.ts';

type PageModule = { default: ComponentType };

/** A page in its own chunk that draws once its chunk and the pages' part of the catalogue are there. */
export function lazyPage(load: () => Promise<PageModule>) {
  return lazy(() => Promise.all([load(), pagesCatalogue()]).then(([page]) => page));
}

/** The landing page: drawn with the shell's part of the catalogue alone (the first visit's budget). */
export function lazyShellPage(load: () => Promise<PageModule>) {
  return lazy(load);
}
