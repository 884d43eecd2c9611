import { createServer, type Server } from 'node:net';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailTransport } from './mail.transport.ts';

/** A log that keeps its lines. */
function recordingLog() {
  const lines: { level: number; msg: string; err?: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

/** Just enough SMTP for a connection check: greeting, EHLO, QUIT. */
async function fakeSmtp(): Promise<number> {
  const server = createServer((socket) => {
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (data) => {
      for (const line of data.toString().split('\r\n').filter(Boolean)) {
        if (/^(EHLO|HELO)/i.test(line)) socket.write('250 fake.test\r\n');
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function closedPort(): Promise<number> {
  const port = await fakeSmtp();
  await new Promise((resolve) => servers.pop()?.close(resolve));
  return port;
}

describe('SMTP check at start', () => {
  it('warns, without throwing, when SMTP does not answer', async () => {
    const { log, lines } = recordingLog();
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      from: 'x@example.org',
      outboxDir: '/nonexistent',
      log,
    });
    await expect(transport.verify()).resolves.toBe(false);
    const warning = lines.find((l) => l.level === 40);
    expect(warning?.msg).toContain('SMTP server not usable at start');
    expect(warning?.err).toMatch(/ECONNREFUSED/);
    transport.close();
  });

  it('logs that SMTP answers when it does', async () => {
    const { log, lines } = recordingLog();
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${await fakeSmtp()}`,
      from: 'x@example.org',
      outboxDir: '/nonexistent',
      log,
    });
    await expect(transport.verify()).resolves.toBe(true);
    expect(lines.some((l) => l.msg === 'SMTP server answers')).toBe(true);
    transport.close();
  });
});
