/**
 * Messages: direct and group conversations between members who may message each other
 * (common/policies/standing.ts). Services return rows; the presenter shapes them.
 */
export { getLastMessageTimes } from './contact.service.ts';
export { openDirectConversation } from './conversations.service.ts';
export type { ConversationView } from './messages.presenter.ts';
export { messageRoutes } from './messages.routes.ts';
export { sendMessage } from './messages.service.ts';
