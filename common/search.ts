export const SEARCH_TYPES = ['topic', 'reply', 'member'] as const;
