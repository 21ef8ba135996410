import { BlockList, isIP } from 'node:net';
import { env } from '@/lib/env';

// The client's address, for per-IP limits. X-Forwarded-For is read from the right: its last entry was written by the
// hop that connected to us (the socket address, put there by lib/auth/forwarded.ts, or a trusted proxy's own report),
// and entries that TRUSTED_PROXIES names are stepped over. Anything further left was written by the client itself.
export function clientIp(headers: Headers, trusted: BlockList | null = trustedProxies()): string {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map(normaliseIp).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isTrustedProxy(hop, trusted)) return hop;
  }
  return hops[0] ?? 'unknown';
}

// "::ffff:203.0.113.9" (an IPv4 client on a dual-stack socket) and "203.0.113.9" are one client; a value that is
// not an address at all counts as "invalid", one shared bucket.
export function normaliseIp(value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (!trimmed) return '';
  const address = trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(address) ? address : 'invalid';
}

export function isTrustedProxy(address: string, trusted: BlockList | null): boolean {
  const family = isIP(address);
  if (!trusted || family === 0) return false;
  return trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

// "10.0.0.0/8, 192.0.2.7, fd00::/8" → a BlockList; null when the app is not behind a proxy.
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

let parsed: { value: string | undefined; list: BlockList | null } | null = null;

function trustedProxies(): BlockList | null {
  if (!parsed || parsed.value !== env.TRUSTED_PROXIES)
    parsed = { value: env.TRUSTED_PROXIES, list: parseTrustedProxies(env.TRUSTED_PROXIES) };
  return parsed.list;
}
