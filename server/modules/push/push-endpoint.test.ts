import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { checkPushEndpoint, guardedLookup, isPrivateAddress } from './push-endpoint.ts';

describe('push endpoint checks', () => {
  it('tells private and reserved addresses from public ones', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
    ])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, true]);
    for (const ip of ['142.250.74.42', '8.8.8.8', '172.32.0.1', '2a00:1450:4001:81c::200a', '::ffff:8.8.8.8'])
      expect([ip, isPrivateAddress(ip)]).toEqual([ip, false]);
  });

  it('accepts public https endpoints and refuses the rest unless private endpoints are allowed', () => {
    expect(() => checkPushEndpoint('https://fcm.googleapis.com/fcm/send/abc', false)).not.toThrow();
    expect(() =>
      checkPushEndpoint('https://updates.push.services.mozilla.com/wpush/v2/x', false),
    ).not.toThrow();
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/x',
      'https://localhost/x',
      'https://push.localhost/x',
      'https://intranet/x',
      'https://user:pw@push.example.org/x',
    ]) {
      expect(() => checkPushEndpoint(endpoint, false), endpoint).toThrow(AppError);
    }
    expect(() => checkPushEndpoint('http://127.0.0.1:9000/x', true)).not.toThrow();
  });

  it('refuses at connection time a name that resolves to a private address', async () => {
    const resolve = (allowPrivate: boolean) =>
      new Promise<string>((done, fail) =>
        guardedLookup(allowPrivate)('localhost', {}, (err, address) =>
          err ? fail(err) : done(String(address)),
        ),
      );
    await expect(resolve(false)).rejects.toMatchObject({ code: 'EPUSHPRIVATE' });
    expect(await resolve(true)).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
