import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compressDir } from './compress.ts';

describe('the build’s precompression', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentornet-compress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies of text files that decompress to the original', () => {
    mkdirSync(path.join(dir, 'assets'));
    mkdirSync(path.join(dir, '.vite'));
    const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i % 17}`))};\n`;
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), script);
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${'<p>mentorNET</p>'.repeat(200)}`);
    writeFileSync(path.join(dir, 'tiny.js'), 'export {};\n');
    writeFileSync(path.join(dir, 'icon.png'), Buffer.alloc(4096, 7));
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify({ a: 'b'.repeat(4000) }));

    const done = compressDir(dir)
      .map((f) => path.relative(dir, f))
      .sort();
    expect(done).toEqual([path.join('assets', 'index-abc.js'), 'index.html']);
    const js = readFileSync(path.join(dir, 'assets', 'index-abc.js'));
    const br = readFileSync(path.join(dir, 'assets', 'index-abc.js.br'));
    const gz = readFileSync(path.join(dir, 'assets', 'index-abc.js.gz'));
    expect(brotliDecompressSync(br).equals(js)).toBe(true);
    expect(gunzipSync(gz).equals(js)).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
    expect(existsSync(path.join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'icon.png.br'))).toBe(false);
    expect(existsSync(path.join(dir, '.vite', 'manifest.json.br'))).toBe(false);
  });
});
