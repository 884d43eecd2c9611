/** Search: full-text search over the topics, replies and members of the networks the caller takes part in. */
export { searchRoutes } from './search.routes.ts';
