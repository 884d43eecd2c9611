import type { FastifyInstance } from 'fastify';
import { TestClient } from './client.ts';
import type { OutgoingMail } from '../platform/mail/index.ts';
import type { UserRow } from '../modules/users/index.ts';

let ipCounter = 0;

/** A signed-out client from an address of its own, so per-IP limits of one test never hit another. */
export function freshClient(app: FastifyInstance): TestClient {
  ipCounter += 1;
  return new TestClient(app, { ip: `10.42.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}` });
}

/** A client signed in as the user. */
export async function signIn(app: FastifyInstance, user: Pick<UserRow, 'email'> & { password: string }) {
  const client = freshClient(app);
  const res = await client.post('/api/auth/login', { email: user.email, password: user.password });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** The invitation secret from an invitation mail or link. */
export function invitationTokenFrom(source: OutgoingMail | string | undefined): string {
  const text = typeof source === 'string' ? source : source?.text;
  const match = text?.match(/\/invitations\/([A-Za-z0-9_%-]+)/);
  if (!match?.[1]) throw new Error('no invitation link');
  return decodeURIComponent(match[1]);
}
