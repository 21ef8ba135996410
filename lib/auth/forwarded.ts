import 'server-only';
import http, { type IncomingMessage } from 'node:http';
import type { BlockList } from 'node:net';
import { env } from '@/lib/env';
import { isTrustedProxy, normaliseIp, parseTrustedProxies } from './request-ip';

// `next start` keeps a client's own X-Forwarded-For (and -Host, -Proto) and only fills them in when absent, so any
// client could name its own address and host. Before Next sees a request, this makes the headers say what the
// connection says: from a proxy that TRUSTED_PROXIES names, the socket address is appended to its X-Forwarded-For
// (what a proxy does); from anyone else, every forwarded header is dropped and X-Forwarded-For is the socket address.
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

function applyForwardedPolicy(req: IncomingMessage, trusted: BlockList | null): void {
  const peer = normaliseIp(req.socket.remoteAddress ?? '');
  const prior = req.headers['x-forwarded-for'];
  if (peer && isTrustedProxy(peer, trusted)) {
    req.headers['x-forwarded-for'] = prior ? `${[prior].flat().join(', ')}, ${peer}` : peer;
    return;
  }
  for (const name of FORWARDED) delete req.headers[name];
  if (peer) req.headers['x-forwarded-for'] = peer;
}

let policy: BlockList | null = null;
let installed = false;

// Called from instrumentation.ts's register(), which runs in the server process before Next serves a page. Every
// HTTP server in that process gets the policy: `next start` and the standalone server.js create theirs with
// http.createServer and offer no hook of their own.
export function installForwardedPolicy(trusted: BlockList | null = parseTrustedProxies(env.TRUSTED_PROXIES)): void {
  policy = trusted;
  if (installed) return;
  installed = true;
  const proto = http.Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') applyForwardedPolicy(args[0] as IncomingMessage, policy);
    return emit.call(this, event, ...args);
  };
}
