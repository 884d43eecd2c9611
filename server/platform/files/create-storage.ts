import type { StorageConfig } from '../../config.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { FileStorage } from './storage.ts';

/** The file storage the configuration names. */
export function createFileStorage(storage: StorageConfig, dataDir: string): FileStorage {
  return storage.kind === 's3' ? createS3Storage(storage) : createLocalStorage(dataDir);
}
