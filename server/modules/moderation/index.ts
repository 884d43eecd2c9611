/**
 * Reports and moderation (F4): members report posts, topics, messages, profiles and resources; a
 * queue for meta-mentors (their network's content) and platform admins (everything) with hide,
 * restore, warn, suspend and dismiss; and blocking between people.
 */
export { moderationRoutes } from './moderation.routes.ts';
export { isBlockedBetween } from './moderation.service.ts';
