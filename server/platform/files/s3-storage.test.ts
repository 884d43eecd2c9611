import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { useS3 } from '../../test/s3.ts';
import { createFileStorage } from './create-storage.ts';
import type { FileStorage, StoredEntry } from './storage.ts';

async function all(entries: AsyncIterable<StoredEntry>): Promise<StoredEntry[]> {
  const list: StoredEntry[] = [];
  for await (const entry of entries) list.push(entry);
  return list.sort((a, b) => a.key.localeCompare(b.key));
}

async function bytesOf(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3 file storage against a real S3-compatible server', () => {
  const s3 = useS3();
  const storageWith = (env: Record<string, string> = {}): FileStorage => {
    const config = loadConfig({ ...s3().env, ...env });
    return createFileStorage(config.storage, '/nonexistent');
  };

  it('writes, reads, lists, streams and removes files under the same keys as on disk', async () => {
    const files = storageWith();
    expect(files.kind).toBe('s3');
    await files.put('avatars/0123abcd.webp', Buffer.from('webp bytes'), 'image/webp');
    await files.put(
      'attachments/11111111-2222-4333-8444-555555555555',
      Buffer.from('%PDF'),
      'application/pdf',
    );
    expect((await files.read('avatars/0123abcd.webp'))?.toString()).toBe('webp bytes');
    expect(await files.read('avatars/ffff.webp')).toBeNull();
    expect(await all(files.list())).toEqual([
      { key: 'attachments/11111111-2222-4333-8444-555555555555', size: 4 },
      { key: 'avatars/0123abcd.webp', size: 10 },
    ]);
    const served = await files.serve('avatars/0123abcd.webp', {
      contentType: 'image/webp',
      cacheControl: 'x',
    });
    if (served?.kind !== 'body') throw new Error('expected a body');
    expect(served.size).toBe(10);
    expect(served.body).toBeInstanceOf(Readable);
    expect((await bytesOf(served.body)).toString()).toBe('webp bytes');
    expect(
      await files.serve('avatars/ffff.webp', { contentType: 'image/webp', cacheControl: 'x' }),
    ).toBeNull();
    await files.remove('avatars/0123abcd.webp');
    await files.remove('avatars/0123abcd.webp');
    expect(await files.read('avatars/0123abcd.webp')).toBeNull();
    await expect(files.read('../mentornet.sqlite')).rejects.toThrow(/malformed/);
    files.close();
  });

  it('redirects to a short-lived signed URL that answers with the same headers', async () => {
    const files = storageWith({ S3_SERVE: 'redirect', S3_SIGNED_URL_SECONDS: '60' });
    await files.put('attachments/21111111-2222-4333-8444-555555555555', Buffer.from('hello'), 'text/plain');
    const served = await files.serve('attachments/21111111-2222-4333-8444-555555555555', {
      contentType: 'text/plain; charset=utf-8',
      contentDisposition: 'attachment; filename="notes.txt"',
      cacheControl: 'private, max-age=300',
    });
    if (served?.kind !== 'redirect') throw new Error('expected a redirect');
    expect(served.url).toContain('X-Amz-Expires=60');
    const response = await fetch(served.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="notes.txt"');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    // A missing file stays a 404 of the platform, not a redirect to an error.
    expect(
      await files.serve('attachments/31111111-2222-4333-8444-555555555555', {
        contentType: 'text/plain',
        cacheControl: 'x',
      }),
    ).toBeNull();
    files.close();
  });
});
