import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|webmanifest|txt|xml|map)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every text file of
 * the built app, so the server sends the smallest the browser accepts without compressing per
 * request. A copy that is not smaller is not written. Returns the files compressed.
 */
export function compressDir(dir: string): string[] {
  const done: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.vite') walk(file);
        continue;
      }
      if (!COMPRESSIBLE.test(entry.name)) continue;
      const size = statSync(file).size;
      if (size < MIN_BYTES) continue;
      const source = readFileSync(file);
      const br = brotliCompressSync(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: size,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
      const gz = gzipSync(source, { level: 9 });
      if (br.length < size) writeFileSync(`${file}.br`, br);
      if (gz.length < size) writeFileSync(`${file}.gz`, gz);
      done.push(file);
    }
  };
  walk(dir);
  return done;
}
