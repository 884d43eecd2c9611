export { type AttachmentStore, createAttachmentStore } from './attachment-store.ts';
export { type AvatarStore, createAvatarStore } from './avatar-store.ts';
export { createFileStorage } from './create-storage.ts';
export { createExportStore, EXPORT_TYPE, type ExportStore } from './export-store.ts';
export { createLocalStorage } from './local-storage.ts';
export { type CopyReport, copyStoredFiles } from './migrate-storage.ts';
export { sendFile } from './send-file.ts';
export {
  type FileStorage,
  isKey,
  type ServedFile,
  type ServeHeaders,
  STORAGE_FOLDERS,
  type StoredEntry,
} from './storage.ts';
export { readUpload, registerUploads, UPLOAD_FIELD } from './uploads.ts';
