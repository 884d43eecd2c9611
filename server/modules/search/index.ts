/** Search: full-text search over the discussions, announcements, help requests, events, members and organisations of the networks the caller takes part in. */
export { searchRoutes } from './search.routes.ts';
