import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/*
 * Just enough of POSIX ustar for our own archives: regular files with short names, written and
 * read as streams. Any tar tool can list and extract what this writes.
 */

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive entry name too long: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o640, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  block.write(octal(checksum(block), 7), 148, 'ascii');
  return block;
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] as number);
  return sum;
}

/** Writes tar entries into a stream (a gzip stream, usually), minding backpressure. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async push(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Adds one file of `size` bytes; `data` must yield exactly that many. */
  async add(
    name: string,
    size: number,
    data: Buffer | AsyncIterable<Buffer>,
    mtime = new Date(),
  ): Promise<void> {
    await this.push(header(name, size, mtime));
    let written = 0;
    for await (const chunk of Buffer.isBuffer(data) ? [data] : data) {
      written += chunk.length;
      if (written > size) throw new Error(`${name} grew while it was archived`);
      await this.push(chunk);
    }
    if (written !== size) throw new Error(`${name} has ${written} bytes, expected ${size}`);
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (padding) await this.push(Buffer.alloc(padding));
  }

  /** Ends the archive (two empty blocks) and the stream. */
  async finish(): Promise<void> {
    await this.push(Buffer.alloc(BLOCK * 2));
    this.out.end();
  }
}

/** Receives the bytes of one entry. */
export interface EntrySink {
  write(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

export class TarFormatError extends Error {}

/**
 * Reads a tar stream entry by entry; `onEntry` returns where an entry's bytes go. Anything that
 * is not a well-formed archive of regular files is a TarFormatError.
 */
export async function readTar(
  input: AsyncIterable<Buffer> | Readable,
  onEntry: (name: string, size: number) => EntrySink | Promise<EntrySink>,
): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let sink: EntrySink | undefined;
  let remaining = 0;
  let skip = 0;
  let ended = false;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (ended) {
        pending = Buffer.alloc(0);
        break;
      }
      if (sink) {
        if (!pending.length) break;
        const take = Math.min(remaining, pending.length);
        await sink.write(pending.subarray(0, take));
        pending = pending.subarray(take);
        remaining -= take;
        if (remaining === 0) {
          await sink.end();
          sink = undefined;
        }
        continue;
      }
      if (skip) {
        const take = Math.min(skip, pending.length);
        pending = pending.subarray(take);
        skip -= take;
        if (skip) break;
        continue;
      }
      if (pending.length < BLOCK) break;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((b) => b === 0)) {
        ended = true;
        continue;
      }
      const stored = Number.parseInt(block.toString('ascii', 148, 156).replace(/[\0 ]+$/, ''), 8);
      if (stored !== checksum(block) || block.toString('ascii', 257, 262) !== 'ustar') {
        throw new TarFormatError('not a tar archive (bad header checksum)');
      }
      const type = block.toString('ascii', 156, 157);
      if (type !== '0' && type !== '\0')
        throw new TarFormatError(`unexpected entry type ${JSON.stringify(type)}`);
      const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(block.toString('ascii', 124, 136).replace(/[\0 ]+$/, ''), 8);
      if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`bad size of ${name}`);
      sink = await onEntry(name, size);
      remaining = size;
      skip = (BLOCK - (size % BLOCK)) % BLOCK;
      if (size === 0) {
        await sink.end();
        sink = undefined;
      }
    }
  }
  if (sink || remaining || !ended) throw new TarFormatError('the archive ends early (truncated)');
}
