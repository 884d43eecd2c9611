import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer, requestBytes, runHttpLoad } from './http-load.ts';

const answer = (text: string) => Buffer.from(text.replaceAll('\n', '\r\n'));

describe('parseAnswer', () => {
  it('reads the status and skips a body of Content-Length bytes', () => {
    const data = answer('HTTP/1.1 200 OK\nContent-Length: 5\n\nhello');
    expect(parseAnswer(data)).toEqual({ done: true, status: 200, consumed: data.length });
  });

  it('waits for the rest of a body or of the headers', () => {
    expect(parseAnswer(answer('HTTP/1.1 200 OK\ncontent-length: 5\n\nhel'))).toEqual({ done: false });
    expect(parseAnswer(answer('HTTP/1.1 200 OK\ncontent-le'))).toEqual({ done: false });
  });

  it('leaves the bytes of a following answer', () => {
    const first = 'HTTP/1.1 404 Not Found\ncontent-length: 2\n\nno';
    expect(parseAnswer(answer(`${first}HTTP/1.1 200 OK\n`))).toMatchObject({
      status: 404,
      consumed: answer(first).length,
    });
  });

  it('follows chunked bodies to their last chunk', () => {
    const body = 'HTTP/1.1 200 OK\ntransfer-encoding: chunked\n\n5\nhello\n3\n, w\n0\n\n';
    expect(parseAnswer(answer(body))).toEqual({ done: true, status: 200, consumed: answer(body).length });
    expect(parseAnswer(answer(body.slice(0, -2)))).toEqual({ done: false });
    expect(parseAnswer(answer('HTTP/1.1 200 OK\ntransfer-encoding: chunked\n\n5\nhel'))).toEqual({
      done: false,
    });
  });

  it('takes answers without a body only where HTTP allows them', () => {
    expect(parseAnswer(answer('HTTP/1.1 204 No Content\n\n'))).toMatchObject({ status: 204 });
    expect(parseAnswer(answer('HTTP/1.1 200 OK\n\nstreamed until close'))).toMatchObject({
      error: 'answer without Content-Length',
    });
    expect(parseAnswer(answer('SSH-2.0-OpenSSH\n\n'))).toMatchObject({ error: 'not an HTTP/1.1 answer' });
  });
});

describe('requestBytes', () => {
  it('writes the request line, host, headers and a body with its length', () => {
    const text = requestBytes({
      url: 'http://127.0.0.1:4000/api/x?limit=2',
      method: 'POST',
      headers: { cookie: 'a=b' },
      body: '{"ü":1}',
    }).toString();
    expect(text).toBe(
      'POST /api/x?limit=2 HTTP/1.1\r\nhost: 127.0.0.1:4000\r\ncookie: a=b\r\ncontent-length: 8\r\n\r\n{"ü":1}',
    );
  });
});

describe('runHttpLoad', () => {
  let server: Server;
  let port: number;
  let seen = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen += 1;
      if (req.url === '/missing') return res.writeHead(404).end('{"error":"NOT_FOUND"}');
      if (req.url === '/chunked') {
        res.write('part one, ');
        return res.end('part two');
      }
      if (req.url === '/cookie') return res.end(req.headers.cookie ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ text: 'مرحبا'.repeat(500) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps every connection busy for the time and counts every answer', async () => {
    seen = 0;
    const result = await runHttpLoad({
      url: `http://127.0.0.1:${port}/`,
      connections: 4,
      durationSeconds: 0.5,
    });
    expect(result.requests).toBeGreaterThan(20);
    expect(result.requests).toBe(seen);
    expect(result).toMatchObject({ errors: 0, non2xx: 0 });
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
    expect(result.bytes).toBeGreaterThan(result.requests * 5000);
  });

  it('counts answers outside 2xx and reads chunked ones', async () => {
    const missing = await runHttpLoad({
      url: `http://127.0.0.1:${port}/missing`,
      connections: 2,
      durationSeconds: 0.2,
    });
    expect(missing.non2xx).toBe(missing.requests);
    const chunked = await runHttpLoad({
      url: `http://127.0.0.1:${port}/chunked`,
      connections: 2,
      durationSeconds: 0.2,
    });
    expect(chunked).toMatchObject({ errors: 0, non2xx: 0 });
    expect(chunked.requests).toBeGreaterThan(5);
  });

  it('counts refused connections as errors and still ends on time', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const started = performance.now();
    const result = await runHttpLoad({
      url: `http://127.0.0.1:${closedPort}/`,
      connections: 2,
      durationSeconds: 0.2,
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.requests).toBe(0);
    // Each connection tries again every 20 ms: a handful of errors, not thousands.
    expect(result.errors).toBeGreaterThan(2);
    expect(result.errors).toBeLessThan(50);
  });
});
