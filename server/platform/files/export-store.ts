import type { FileStorage, ServedFile } from './storage.ts';

/** A person's data exports are stored as `exports/<export id>.zip`, for the week they stay available. */
export interface ExportStore {
  write(id: string, bytes: Buffer): Promise<void>;
  /** What to answer the download with, or null when the file is gone. */
  serve(id: string, fileName: string): Promise<ServedFile | null>;
  remove(id: string): Promise<void>;
}

export const EXPORT_TYPE = 'application/zip';
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function storageKey(id: string): string {
  if (!ID_PATTERN.test(id)) throw new Error(`malformed export id ${JSON.stringify(id)}`);
  return `exports/${id}.zip`;
}

/** The export store on the platform's file storage. */
export function createExportStore(files: FileStorage): ExportStore {
  return {
    write: (id, bytes) => files.put(storageKey(id), bytes, EXPORT_TYPE),
    serve: (id, fileName) =>
      files.serve(storageKey(id), {
        contentType: EXPORT_TYPE,
        contentDisposition: `attachment; filename="${fileName}"`,
        cacheControl: 'private, no-store',
      }),
    remove: (id) => files.remove(storageKey(id)),
  };
}
