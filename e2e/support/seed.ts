import type { Browser, BrowserContext } from 'playwright-core';
import { expect } from 'vitest';
import { newContext, type Viewport } from './browser.ts';
import { apiCall, type TestServer } from './server.ts';

export interface Person {
  email: string;
  password: string;
  displayName: string;
}
type Json = Record<string, unknown>;

export const PLATFORM_ADMIN = {
  email: 'admin@example.org',
  password: 'admin platform passphrase',
  displayName: 'Admin',
};

/**
 * A network set up through the API as its people would: the platform's first admin, a founder who
 * registers, founds an organisation and a network and becomes its meta-mentor, and members who
 * join by an invitation link. Each person's session cookie is kept under a name of the spec's own.
 */
export class NetworkSeed {
  readonly cookies: Record<string, string> = {};

  constructor(
    readonly server: TestServer,
    readonly slug: string,
  ) {}

  /** An API call as the named person; anything but success fails the step, with the answer. */
  async call(who: string, method: string, path: string, body?: unknown): Promise<Json> {
    const answer = await apiCall(this.server, method, path, body, this.cookies[who]);
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBeLessThan(300);
    return answer.json as Json;
  }

  /** The platform's first admin, from the setup token the server printed. */
  async setUpPlatform(): Promise<void> {
    const setup = await apiCall(this.server, 'POST', '/setup', {
      token: this.server.setupToken,
      ...PLATFORM_ADMIN,
      locale: 'en',
    });
    expect(setup.status, JSON.stringify(setup.json)).toBe(201);
  }

  /**
   * The founder registers (in `locale`, English unless given) and signs in, founds an organisation
   * (Welcome House, Leipzig, unless named) and the network, names themself meta-mentor and accepts
   * its documents. Returns the organisation's slug.
   */
  async foundNetwork(
    who: string,
    founder: Person,
    network: {
      name: string;
      languages: string[];
      orgLanguages?: string[];
      visibility?: string;
      organisation?: { name: string; city: string };
      locale?: string;
    },
  ): Promise<string> {
    await this.register(who, founder, network.locale);
    const org = await this.call(who, 'POST', '/organisations', {
      name: network.organisation?.name ?? 'Welcome House',
      kind: 'ngo',
      country: 'DE',
      city: network.organisation?.city ?? 'Leipzig',
      languages: network.orgLanguages ?? network.languages.slice(0, 2),
    });
    await this.call(who, 'POST', `/organisations/${org.slug}/networks`, {
      name: network.name,
      slug: this.slug,
      languages: network.languages,
      visibility: network.visibility ?? 'private',
    });
    await this.call(who, 'POST', `/networks/${this.slug}/meta-mentors`, { email: founder.email });
    await this.acceptDocuments(who);
    return String(org.slug);
  }

  /** The person registers an account (in `locale`) and signs in; the session is kept as `who`. */
  async register(who: string, person: Person, locale = 'en'): Promise<void> {
    const registered = await apiCall(this.server, 'POST', '/auth/register', { ...person, locale });
    expect(registered.status, JSON.stringify(registered.json)).toBeLessThan(300);
    const signIn = await apiCall(this.server, 'POST', '/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(signIn.status, JSON.stringify(signIn.json)).toBe(200);
    this.cookies[who] = signIn.cookie ?? '';
  }

  /** Accepts the network's current agreement and communication rules. */
  async acceptDocuments(who: string): Promise<void> {
    const docs = (await this.call(who, 'GET', `/networks/${this.slug}/documents`)) as {
      documents: { kind: string; version: number }[];
    };
    const version = (kind: string) => docs.documents.find((d) => d.kind === kind)?.version;
    await this.call(who, 'POST', `/networks/${this.slug}/documents/accept`, {
      agreementVersion: version('agreement'),
      rulesVersion: version('rules'),
    });
  }

  /**
   * `who` joins through an invitation link made by `inviter` (a new account in `locale`), accepts
   * the documents and, given a profile, saves it (the fields it leaves out empty). Returns the new
   * member's id.
   */
  async join(
    inviter: string,
    who: string,
    person: Person,
    options: {
      role?: 'mentor' | 'office';
      level?: 'beginner' | 'experienced';
      locale?: string;
      profile?: Json;
    } = {},
  ): Promise<string> {
    const link = await this.call(inviter, 'POST', `/networks/${this.slug}/invitations`, {
      kind: 'link',
      role: options.role ?? 'mentor',
      ...(options.level && { level: options.level }),
    });
    const token = new URL(String(link.url)).pathname.split('/').pop() ?? '';
    const joined = await apiCall(this.server, 'POST', `/invitations/${token}/accept`, {
      ...person,
      locale: options.locale ?? 'en',
    });
    expect(joined.status, JSON.stringify(joined.json)).toBeLessThan(300);
    this.cookies[who] = joined.cookie ?? '';
    await this.acceptDocuments(who);
    if (options.profile) {
      await this.call(who, 'PUT', '/me/profile', {
        languages: [],
        expertise: [],
        region: '',
        availability: '',
        experienceLevel: null,
        bio: '',
        visibility: 'network',
        ...options.profile,
      });
    }
    return String(((await this.call(who, 'GET', '/me')) as { id: string }).id);
  }

  /** A browser context at one width, signed in as the named person. */
  async signedInContext(browser: Browser, who: string, viewport: Viewport): Promise<BrowserContext> {
    const context = await newContext(browser, this.server.url, viewport);
    const [name, value] = (this.cookies[who] ?? '').split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: this.server.url }]);
    return context;
  }
}
