import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { pagesCatalogue } from '../lib/i18n.ts';

type PageModule = { default: ComponentType };

/** A lazy page that can also be fetched ahead of its first render (the page a first load opens). */
export type PreloadablePage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/** A page in its own chunk that draws once its chunk and the pages' part of the catalogue are there. */
export function lazyPage(load: () => Promise<PageModule>): PreloadablePage {
  return Object.assign(
    lazy(() => Promise.all([load(), pagesCatalogue()]).then(([page]) => page)),
    // The browser keeps one module per chunk: the render's own import() then finds it loaded.
    { preload: load },
  );
}

/** The landing page: drawn with the shell's part of the catalogue alone (the first visit's budget). */
export function lazyShellPage(load: () => Promise<PageModule>): PreloadablePage {
  return Object.assign(lazy(load), { preload: load });
}
