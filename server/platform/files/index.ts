export { createAttachmentStore } from './attachment-store.ts';
export { createAvatarStore } from './avatar-store.ts';
