import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Twilio's Messages API at the HTTP level (TWILIO_API_BASE): it checks the basic auth, records
// each message, and answers 500 for the next `failNext` requests, as a provider outage would.
export type SentSms = { accountSid: string; to: string; from: string; body: string };
export type SmsApiDouble = { url: string; sent: SentSms[]; requests: number; failNext: number; close: () => Promise<void> };

export async function startSmsApiDouble({ accountSid, authToken }: { accountSid: string; authToken: string }): Promise<SmsApiDouble> {
  const state: SmsApiDouble = { url: '', sent: [], requests: 0, failNext: 0, close: async () => {} };
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return reply(404, { code: 20404, message: 'Not found' });
      if (req.headers.authorization !== expectedAuth) return reply(401, { code: 20003, message: 'Authenticate' });
      if (state.failNext > 0) {
        state.failNext--;
        return reply(500, { code: 20500, message: 'Internal server error' });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const sms = {
        accountSid: decodeURIComponent(match[1]!),
        to: form.get('To') ?? '',
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
      };
      state.sent.push(sms);
      reply(201, { sid: `SM${state.sent.length.toString().padStart(32, '0')}`, status: 'queued', to: sms.to, body: sms.body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
