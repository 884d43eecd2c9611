/** Discussions: spaces, topics, replies, reactions and attachments of a network. */
export { createDefaultSpaces } from './spaces.service.ts';
export { discussionAccess, POST_BODY_LIMIT_BYTES } from './discussion-access.ts';
export { discussionRoutes } from './discussions.routes.ts';
export { prepareBody } from './post-body.ts';
export { reactToPost, reply } from './posts.service.ts';
export { ensureDefaultSpaces } from './spaces.service.ts';
export { moderateTopic, startTopic } from './topics.service.ts';
