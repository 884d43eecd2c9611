import path from 'node:path';
import type { Plugin } from 'vite';
import { compressDir } from './compress.ts';

/** After the build has been written, puts brotli and gzip copies beside every text file. */
export function compressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'mentornet-compress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      compressDir(outDir);
    },
  };
}
