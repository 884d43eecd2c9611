import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_ORIGIN } from './build-app.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A tiny browser-like client over app.inject: keeps the session cookie and sends our Origin. */
export class TestClient {
  cookie: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    readonly options: { locale?: string; ip?: string; origin?: string | null } = {},
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.options.ip ?? '127.0.0.1',
      headers: {
        ...(this.options.origin !== null &&
          method !== 'GET' && { origin: this.options.origin ?? TEST_ORIGIN }),
        ...(this.options.locale && { 'accept-language': this.options.locale }),
        ...(this.cookie && { cookie: `mn_session=${this.cookie}` }),
        ...headers,
      },
      ...(body !== undefined && { payload: body as object }),
    });
    this.keepCookie(response);
    return response;
  }

  private keepCookie(response: LightMyRequestResponse) {
    const session = response.cookies.find((c) => c.name === 'mn_session');
    if (session) this.cookie = session.value || undefined;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

/** The error code of a response, for compact assertions. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}

let ipCounter = 0;

/** A signed-out client from an address of its own, so per-IP limits of one test never hit another. */
export function freshClient(app: FastifyInstance, options: { locale?: string } = {}): TestClient {
  ipCounter += 1;
  return new TestClient(app, {
    ...options,
    ip: `10.42.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`,
  });
}

/** A client signed in as the user, from an address of its own (so login rate limits never interfere). */
export async function signIn(
  app: FastifyInstance,
  user: { email: string; password: string },
  options: { locale?: string } = {},
): Promise<TestClient> {
  const client = freshClient(app, options);
  const res = await client.post('/api/auth/login', { email: user.email, password: user.password });
  if (res.statusCode !== 200 || !client.cookie)
    throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** The session cookie of a fresh sign-in as the user (for a WebSocket, or a client of one's own). */
export async function sessionCookie(app: FastifyInstance, user: { email: string; password: string }) {
  return (await signIn(app, user)).cookie as string;
}
