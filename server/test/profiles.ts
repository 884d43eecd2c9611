import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { AppContext } from '../context.ts';
import type { TestClient } from './client.ts';

export interface UploadPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body, as a browser's FormData would send it. */
export function multipartBody(parts: UploadPart[]) {
  const boundary = `----mentornet${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.contentType ? `Content-Type: ${part.contentType}\r\n` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads bytes as the avatar file. */
export function uploadAvatar(
  client: TestClient,
  data: Buffer | string,
  filename = 'me.png',
  contentType = 'image/png',
) {
  const { payload, headers } = multipartBody([{ name: 'file', filename, contentType, data }]);
  return client.request('PUT', '/api/me/avatar', payload, headers);
}

/** A real image of the given format, a flat colour with a bit of EXIF for JPEG. */
export function makeImage(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 640, height = 480) {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 40 } } });
  if (format === 'jpeg') {
    return image
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Private Person', ImageDescription: 'Kitchen at home' } })
      .toBuffer();
  }
  return image[format]().toBuffer();
}

/** The avatar files on disk. */
export function avatarFiles(ctx: AppContext): string[] {
  try {
    return readdirSync(path.join(ctx.config.dataDir, 'avatars'));
  } catch {
    return [];
  }
}
