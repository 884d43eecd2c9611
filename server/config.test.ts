import { describe, expect, it } from 'vitest';
import { DEFAULT_TILE_ATTRIBUTION, loadConfig, tileSourceOf } from './config.ts';

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

  it('takes map tiles from OpenStreetMap unless told otherwise, and geocodes only with GEOCODER_URL', () => {
    const defaults = loadConfig({});
    expect(defaults.map).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: DEFAULT_TILE_ATTRIBUTION,
    });
    expect(defaults.map.attribution).toContain('OpenStreetMap');
    expect(defaults.geocoderUrl).toBeUndefined();
    const own = loadConfig({
      MAP_TILE_URL: 'https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© Example tiles',
      GEOCODER_URL: 'https://nominatim.example.org/',
    });
    expect(own.map).toEqual({
      tileUrl: 'https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png',
      attribution: '© Example tiles',
    });
    expect(own.geocoderUrl).toBe('https://nominatim.example.org');
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toThrow(
      /MAP_TILE_URL: must contain \{z\}, \{x\} and \{y\}/,
    );
    expect(() => loadConfig({ MAP_TILE_URL: 'javascript:alert(1)/{z}/{x}/{y}' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ GEOCODER_URL: 'ftp://geo.example.org' })).toThrow(/GEOCODER_URL/);
  });

  it('derives the image source of the page CSP from the tile URL, no broader than its host', () => {
    expect(tileSourceOf('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://tile.openstreetmap.org',
    );
    expect(tileSourceOf('https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png')).toBe(
      'https://*.tiles.example.org:8443',
    );
    expect(tileSourceOf('http://127.0.0.1:9000/{z}/{x}/{y}.png?key=abc')).toBe('http://127.0.0.1:9000');
  });
});
