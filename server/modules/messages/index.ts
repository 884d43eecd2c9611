export { openDirectConversation } from './conversations.service.ts';
export { messageRoutes } from './messages.routes.ts';
export { sendMessage } from './messages.service.ts';
