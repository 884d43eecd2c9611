import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the push endpoint received from the server. */
export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A push service stand-in served by the test on loopback: it records every request and answers
 * with the status of its path (201 unless `answer` says otherwise, e.g. 410 for an expired one).
 */
export async function startPushService() {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = answers.get(path) ?? 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    endpoint: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer: (path: string, status: number) => answers.set(path, status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * A browser's side of a push subscription: its P-256 key pair and authentication secret, and the
 * decryption of what the push service delivers — RFC 8291 (Web Push message encryption) over
 * RFC 8188 (aes128gcm content coding), written here with node:crypto alone so that it checks the
 * server's encryption rather than repeating it.
 */
export function browserKeys() {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    keys: { p256dh: b64url(publicKey), auth: b64url(authSecret) },
    decrypt(body: Buffer): string {
      // RFC 8188 §2.1 header: salt (16) | record size (4) | key id length (1) | key id.
      const salt = body.subarray(0, 16);
      const recordSize = body.readUInt32BE(16);
      const idLength = body.readUInt8(20);
      // RFC 8291 §3.1: the key id is the application server's ephemeral public key (65 bytes).
      const serverKey = body.subarray(21, 21 + idLength);
      const records = body.subarray(21 + idLength);
      if (idLength !== 65) throw new Error(`key id of ${idLength} bytes, expected 65`);
      if (records.length > recordSize) throw new Error('more than one record');
      const shared = ecdh.computeSecret(serverKey);
      // RFC 8291 §3.3–3.4: IKM = HKDF(auth secret, ECDH secret, "WebPush: info" 0 ua_public as_public, 32).
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), publicKey, serverKey]);
      const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
      // RFC 8188 §2.2–2.3: content encryption key and nonce from the salt.
      const cek = Buffer.from(
        hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
      );
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(records.subarray(records.length - 16));
      const padded = Buffer.concat([
        decipher.update(records.subarray(0, records.length - 16)),
        decipher.final(),
      ]);
      // The last record ends with the delimiter 0x02, then zero padding.
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end--;
      if (padded[end] !== 2) throw new Error('last record delimiter missing');
      return padded.subarray(0, end).toString('utf8');
    },
  };
}
