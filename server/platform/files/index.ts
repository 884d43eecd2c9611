export { createAttachmentStore } from './attachment-store.ts';
export { createAvatarStore } from './avatar-store.ts';
export { readUpload, registerUploads, UPLOAD_FIELD } from './uploads.ts';
