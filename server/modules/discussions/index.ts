/** Discussions: spaces, topics, replies, reactions and attachments of a network. */
export { discussionRoutes } from './discussions.routes.ts';
export { type AttachmentOwner, linkUploads, listLinkedAttachments } from './linked-attachments.service.ts';
export { POST_BODY_LIMIT_BYTES, type PreparedBody, prepareBody } from './post-body.service.ts';
export { reactToPost, reply } from './posts.service.ts';
export { recountTopicReads } from './reads.service.ts';
export { createDefaultSpaces, ensureDefaultSpaces } from './spaces.service.ts';
export { moderateTopic, startTopic } from './topics.service.ts';
