import type { AttachmentType } from '../../../common/contracts/discussions.ts';
import { stripControlCharacters } from '../../lib/text.ts';

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const OOXML: Record<string, [AttachmentType, string]> = {
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'word/'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xl/'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'ppt/'],
};
const OPENDOCUMENT: Record<string, AttachmentType> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const LEGACY_OFFICE: Record<string, AttachmentType> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
const TEXT_EXTENSIONS = new Set(['txt', 'md', 'csv', 'log']);

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of an upload, decided by its bytes (and, where the bytes alone cannot tell, by the
 * extension they must agree with); null for anything not allowed. SVG and HTML are never allowed:
 * both can carry scripts.
 */
export function detectAttachmentType(bytes: Buffer, fileName: string): AttachmentType | null {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.toString('latin1', 0, 6) === 'GIF87a' || bytes.toString('latin1', 0, 6) === 'GIF89a')
    return 'image/gif';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ZIP containers: the member names are stored in clear, so the kind of document shows.
    const ooxml = OOXML[extension];
    const names = bytes.toString('latin1');
    if (ooxml && names.includes('[Content_Types].xml') && names.includes(ooxml[1])) return ooxml[0];
    const odf = OPENDOCUMENT[extension];
    if (odf && bytes.toString('latin1', 30, 38) === 'mimetype' && names.startsWith(odf, 38)) return odf;
    return null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return LEGACY_OFFICE[extension] ?? null;
  if (
    TEXT_EXTENSIONS.has(extension) &&
    isUtf8Text(bytes) &&
    !/^\s*<(!doctype|html|svg|\?xml)/i.test(bytes.toString('utf8', 0, 200))
  ) {
    return 'text/plain';
  }
  return null;
}

/** A file name safe to store and to send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = stripControlCharacters(name.split(/[/\\]/).pop() ?? '', '');
  const cleaned = base.replaceAll('"', '').trim().slice(-200);
  return cleaned || 'file';
}

/** A Content-Disposition header value with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
