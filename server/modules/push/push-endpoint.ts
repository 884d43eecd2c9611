import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../errors.ts';

/**
 * Push endpoints are addresses a browser hands us and the server then sends requests to: left
 * unchecked, anyone could make the server call into its own network (SSRF). So an endpoint must
 * be https on a public address — checked when a device subscribes (the address as written) and
 * again when each push is sent (every address the name resolves to, at connection time).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address is loopback, private, link-local, shared, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, 'ipv6');
}

const refused = (reason: string) => new AppError('PUSH_ENDPOINT_REFUSED', 400, { reason });

/** Refuses an endpoint that is not https on a public host (unless private endpoints are allowed: tests). */
export function checkPushEndpoint(endpoint: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const url = new URL(endpoint);
  if (url.protocol !== 'https:') throw refused('https');
  if (url.username || url.password) throw refused('credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || (!host.includes('.') && isIP(host) === 0))
    throw refused('host');
  if (isIP(host) !== 0 && isPrivateAddress(host)) throw refused('host');
}

/** A DNS lookup for outgoing push requests that fails on private addresses (unless allowed). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) {
        const refusal = Object.assign(new Error(`push endpoint ${hostname} resolves to a private address`), {
          code: 'EPUSHPRIVATE',
        });
        return callback(refusal, '', 4);
      }
      if (options.all) return callback(null, usable as unknown as string, 4);
      const first = usable[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}
