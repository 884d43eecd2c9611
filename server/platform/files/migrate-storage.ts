import type { FileStorage } from './storage.ts';

export interface CopyReport {
  copied: number;
  /** Already in the target with the same size (an earlier, perhaps interrupted, run). */
  skipped: number;
  failed: { key: string; error: string }[];
}

/** Copies every file of `source` that `target` lacks; running it again copies nothing twice. */
export async function copyStoredFiles(source: FileStorage, target: FileStorage): Promise<CopyReport> {
  const present = new Map<string, number>();
  for await (const entry of target.list()) present.set(entry.key, entry.size);
  const report: CopyReport = { copied: 0, skipped: 0, failed: [] };
  for await (const { key, size } of source.list()) {
    if (present.get(key) === size) {
      report.skipped += 1;
      continue;
    }
    try {
      const bytes = await source.read(key);
      if (!bytes) continue;
      await target.put(key, bytes, key.startsWith('avatars/') ? 'image/webp' : 'application/octet-stream');
      report.copied += 1;
    } catch (error) {
      report.failed.push({ key, error: (error as Error).message });
    }
  }
  return report;
}
