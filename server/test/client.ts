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
