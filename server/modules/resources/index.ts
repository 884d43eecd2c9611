/**
 * Shared resources (C5): a network's wiki pages, links and files with tags, languages and
 * expertise, every edit a revision (safe against lost updates), and a curated "start here" list.
 */
export { resourceRoutes } from './resources.routes.ts';
