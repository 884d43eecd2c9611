/** What search finds, in the order the results page groups them (see "Search" in README.md to add one). */
export const SEARCH_TYPES = [
  'topic',
  'reply',
  'announcement',
  'help_request',
  'event',
  'resource',
  'member',
  'organisation',
] as const;
