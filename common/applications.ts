export const APPLICATION_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
