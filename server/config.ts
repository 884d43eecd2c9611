import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Typed configuration, read once at boot; code reads this object, never process.env. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** postgres://… for PostgreSQL; undefined means SQLite at `<dataDir>/mentornet.sqlite`. */
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** scrypt cost exponent (N = 2^cost). Raise it later: old hashes are upgraded at next sign-in. */
  passwordCost: number;
  sessionIdleDays: number;
  sessionAbsoluteDays: number;
  /** Serve the built web app from this folder when it exists. */
  webDistDir: string;
  /** How often the job worker polls for due jobs (ms); new jobs in this process wake it at once. */
  jobPollMs: number;
  /** Run the background job worker in this process (off for web-only instances and benchmarks). */
  jobWorker: boolean;
  /** Trust X-Forwarded-* from a reverse proxy in front (for client IPs in rate limits). */
  trustProxy: boolean;
  /** Hour of the day (UTC, 0–23) at which the daily notification digest goes out. */
  digestHourUtc: number;
  /** Server processes sharing the port (1: this process serves; more: it starts and supervises them). */
  workers: number;
  /** The name mails sign with and speak of: PLATFORM_NAME, else MAIL_FROM's display name, else mentorNET. */
  platformName: string;
  /** Where uploaded files live: `<dataDir>` (default) or an S3-compatible bucket. */
  storage: StorageConfig;
  /** Bearer token that `GET /metrics` on the main port requires; without it that path is 404. */
  metricsToken: string | undefined;
  /** Serve `/metrics` (no token) on this port, bound to 127.0.0.1 only. */
  metricsPort: number | undefined;
  /**
   * AES-256 key of mentoring log notes (ACTIVITY_NOTES_KEY, 32 bytes in base64); undefined: a key
   * generated into `<dataDir>/activity-notes.key` at first use (see modules/activities/notes-cipher.ts).
   */
  activityNotesKey: Buffer | undefined;
  /**
   * AES-256 key of the accounts' TOTP secrets (TWO_FACTOR_KEY, 32 bytes in base64); undefined: a key
   * generated into `<dataDir>/two-factor.key` at first use (see modules/auth/totp-secrets.ts).
   */
  twoFactorKey: Buffer | undefined;
  /** Chromium that prints PDF reports (CHROMIUM_PATH, default /usr/bin/chromium). */
  chromiumPath: string;
  /** Reads of the public directory API allowed per client address and minute, per process (0: no limit). */
  directoryReadsPerMinute: number;
  /** The directory map: tile URL template (`{z}/{x}/{y}`, optionally `{s}`) and its attribution (HTML). */
  map: MapConfig;
  /** A Nominatim-compatible geocoder's base URL (GEOCODER_URL); undefined: finding addresses is off. */
  geocoderUrl: string | undefined;
  /**
   * Let push subscriptions name plain-http and private or loopback addresses (PUSH_ALLOW_PRIVATE_ENDPOINTS;
   * tests only: otherwise the server would send requests into its own network on anyone's behalf).
   */
  pushAllowPrivateEndpoints: boolean;
}

export interface MapConfig {
  tileUrl: string;
  attribution: string;
}

/** OpenStreetMap's own tiles, as their tile usage policy asks to be credited. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * The origin the browser loads map tiles from, for the page's img-src: `{s}` subdomains become
 * a wildcard of that one level (`https://*.tile.example.org`), nothing broader.
 */
export function tileSourceOf(tileUrl: string): string {
  const match = /^(https?):\/\/([^/?#]+)/.exec(tileUrl);
  if (!match) throw new Error(`not an http(s) tile URL: ${tileUrl}`);
  const [, scheme, host = ''] = match;
  return `${scheme}://${host.replace(/^\{s\}\./, '*.')}`;
}

const TileUrl = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/(\{s\}\.)?[a-z0-9.-]+(:\d+)?\/[^\s]*$/i,
    'must be an http(s) URL (a `{s}.` subdomain is allowed), e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  )
  .refine(
    (url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)),
    'must contain {z}, {x} and {y}',
  );

export type StorageConfig = { kind: 'local' } | S3StorageConfig;

export interface S3StorageConfig {
  kind: 's3';
  /** Undefined means AWS itself (the endpoint follows from the region). */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Undefined: the SDK's own chain (instance role, AWS_* variables, ~/.aws). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Bucket in the path (`host/bucket/key`), as MinIO and most self-hosted servers need. */
  forcePathStyle: boolean;
  /** `stream`: downloads pass through the platform; `redirect`: to a short-lived signed URL. */
  serve: 'stream' | 'redirect';
  signedUrlSeconds: number;
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('mentorNET <no-reply@mentornet.invalid>'),
  PLATFORM_NAME: z.string().trim().min(1).max(80).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PASSWORD_HASH_COST: z
    .union([z.literal('low').transform(() => 10), z.coerce.number().int().min(10).max(20)])
    .default(15),
  SESSION_IDLE_DAYS: z.coerce.number().positive().max(365).default(14),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().max(3650).default(90),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  JOB_WORKER: z.enum(['on', 'off']).default('on'),
  NOTIFICATION_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  DIRECTORY_READS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  WORKERS: z
    .union([
      z.literal('auto').transform(() => availableParallelism()),
      z.coerce.number().int().min(1).max(64),
    ])
    .default(1),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3–63 lower-case letters, digits, dots, hyphens',
    )
    .optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
  S3_SERVE: z.enum(['stream', 'redirect']).default('stream'),
  S3_SIGNED_URL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  ACTIVITY_NOTES_KEY: z
    .string()
    .transform((v) => Buffer.from(v, 'base64'))
    .refine((key) => key.length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  TWO_FACTOR_KEY: z
    .string()
    .transform((v) => Buffer.from(v, 'base64'))
    .refine((key) => key.length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  PUSH_ALLOW_PRIVATE_ENDPOINTS: z.enum(['true', 'false', '1', '0']).default('false'),
  MAP_TILE_URL: TileUrl.default(DEFAULT_TILE_URL),
  MAP_TILE_ATTRIBUTION: z.string().trim().min(1).max(1000).default(DEFAULT_TILE_ATTRIBUTION),
  GEOCODER_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
});

type ParsedEnv = z.infer<typeof Env>;

/** Local storage unless S3 is configured; half an S3 configuration is an error, not a silent fallback. */
function storageOf(e: ParsedEnv): { storage: StorageConfig } | { problems: string[] } {
  const named = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY, e.S3_REGION];
  if (named.every((v) => v === undefined)) return { storage: { kind: 'local' } };
  const problems: string[] = [];
  if (!e.S3_BUCKET) problems.push('  S3_BUCKET: required when any S3_* variable is set');
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
    problems.push('  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: give both or neither');
  if (problems.length || !e.S3_BUCKET) return { problems };
  return {
    storage: {
      kind: 's3',
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION ?? 'us-east-1',
      credentials:
        e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
          : undefined,
      // Self-hosted servers (MinIO, Garage, s3rver) rarely have per-bucket host names.
      forcePathStyle: e.S3_FORCE_PATH_STYLE
        ? e.S3_FORCE_PATH_STYLE === 'true' || e.S3_FORCE_PATH_STYLE === '1'
        : e.S3_ENDPOINT !== undefined,
      serve: e.S3_SERVE,
      signedUrlSeconds: e.S3_SIGNED_URL_SECONDS,
    },
  };
}

/** Reads and validates the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Several processes or instances must agree on one address for mail links and the Origin check:
  // a default made from each one's own HOST and PORT would differ between them.
  if (!e.PUBLIC_URL && (e.DATABASE_URL || e.WORKERS > 1)) {
    throw new Error(
      'Invalid configuration:\n  PUBLIC_URL: required with DATABASE_URL or WORKERS > 1 (the address users open, the same on every instance)',
    );
  }
  const files = storageOf(e);
  if ('problems' in files) throw new Error(`Invalid configuration:\n${files.problems.join('\n')}`);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    passwordCost: e.PASSWORD_HASH_COST,
    sessionIdleDays: e.SESSION_IDLE_DAYS,
    sessionAbsoluteDays: e.SESSION_ABSOLUTE_DAYS,
    webDistDir: path.resolve('web/dist'),
    jobPollMs: e.JOB_POLL_MS,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    jobWorker: e.JOB_WORKER === 'on',
    digestHourUtc: e.NOTIFICATION_DIGEST_HOUR,
    workers: e.WORKERS,
    platformName: e.PLATFORM_NAME ?? displayNameOf(e.MAIL_FROM) ?? 'mentorNET',
    storage: files.storage,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    activityNotesKey: e.ACTIVITY_NOTES_KEY,
    twoFactorKey: e.TWO_FACTOR_KEY,
    chromiumPath: e.CHROMIUM_PATH,
    directoryReadsPerMinute: e.DIRECTORY_READS_PER_MINUTE,
    pushAllowPrivateEndpoints:
      e.PUSH_ALLOW_PRIVATE_ENDPOINTS === 'true' || e.PUSH_ALLOW_PRIVATE_ENDPOINTS === '1',
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION },
    geocoderUrl: e.GEOCODER_URL?.replace(/\/+$/, ''),
  };
}

/** The display name of an address like `Mentoring Leipzig <no-reply@example.org>`, if it has one. */
function displayNameOf(address: string): string | undefined {
  const match = /^\s*"?([^"<]+?)"?\s*<[^>]+>\s*$/.exec(address);
  return match?.[1]?.trim() || undefined;
}
