import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('requires PUBLIC_URL with DATABASE_URL or several workers: every instance must build the same links', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/mentornet' })).toThrow(/PUBLIC_URL: required/);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/PUBLIC_URL: required/);
    expect(loadConfig({ WORKERS: '2', PUBLIC_URL: 'https://mentors.example.org/' }).publicUrl).toBe(
      'https://mentors.example.org',
    );
    // One process on the laptop keeps its default.
    expect(loadConfig({ PORT: '3001' }).publicUrl).toBe('http://localhost:3001');
  });

  it('names the platform by PLATFORM_NAME, else by the display name of MAIL_FROM, else mentorNET', () => {
    expect(loadConfig({}).platformName).toBe('mentorNET');
    expect(loadConfig({ MAIL_FROM: 'Mentoring Leipzig <no-reply@example.org>' }).platformName).toBe(
      'Mentoring Leipzig',
    );
    expect(loadConfig({ MAIL_FROM: '"Mentori Roma" <info@example.org>' }).platformName).toBe('Mentori Roma');
    expect(loadConfig({ MAIL_FROM: 'no-reply@example.org' }).platformName).toBe('mentorNET');
    expect(
      loadConfig({ MAIL_FROM: 'Mentoring Leipzig <no-reply@example.org>', PLATFORM_NAME: 'Brücken' })
        .platformName,
    ).toBe('Brücken');
  });

  it('stores files on disk unless S3 is configured, and refuses half an S3 configuration', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'local' });
    const s3 = {
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'mentornet-files',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3).storage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'mentornet-files',
      region: 'us-east-1',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
      serve: 'stream',
      signedUrlSeconds: 300,
    });
    // AWS itself: no endpoint, virtual-hosted buckets, credentials from the SDK's own chain.
    expect(loadConfig({ S3_BUCKET: 'mentornet-files', S3_REGION: 'eu-central-1' }).storage).toMatchObject({
      endpoint: undefined,
      region: 'eu-central-1',
      credentials: undefined,
      forcePathStyle: false,
    });
    expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: 'false', S3_SERVE: 'redirect' }).storage).toMatchObject({
      forcePathStyle: false,
      serve: 'redirect',
    });
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET: required/);
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: '' })).toThrow(/give both or neither/);
    expect(() => loadConfig({ ...s3, S3_BUCKET: 'ab' })).toThrow(/S3_BUCKET: must be a bucket name/);
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...s3, S3_SERVE: 'proxy' })).toThrow(/S3_SERVE/);
  });
});
