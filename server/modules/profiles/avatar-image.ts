import { AVATAR_SIZE_PX } from '../../../common/contracts/profiles.ts';
import { AppError } from '../../errors.ts';

export type AvatarSourceType = 'jpeg' | 'png' | 'webp';

/** Larger inputs are refused before decoding, against decompression bombs. */
const MAX_INPUT_PIXELS = 40_000_000;

/** The image type by its first bytes (the name and the declared type of an upload prove nothing). */
export function sniffImageType(bytes: Buffer): AvatarSourceType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Turns an uploaded JPEG, PNG or WebP into a square WebP avatar: oriented by EXIF, cropped to
 * cover, and re-encoded from pixels so no metadata (location, camera) survives. Anything else,
 * or an image that does not decode, is UNSUPPORTED_FILE_TYPE.
 */
export async function renderAvatar(upload: Buffer): Promise<Buffer> {
  if (!sniffImageType(upload)) throw new AppError('UNSUPPORTED_FILE_TYPE', 415);
  // Loaded on first use: only avatar uploads need it, and loading it costs every start.
  const { default: sharp } = await import('sharp');
  try {
    return await sharp(upload, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true })
      .resize(AVATAR_SIZE_PX, AVATAR_SIZE_PX, { fit: 'cover' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError('UNSUPPORTED_FILE_TYPE', 415);
  }
}
