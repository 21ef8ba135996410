import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

// A local stand-in for Stripe's API at the HTTP level, for the real `stripe` SDK on the server (STRIPE_API_BASE)
// and for the Stripe.js stand-in in the browser. It keeps PaymentIntents the way Stripe does for what this shop
// uses (create, retrieve, confirm, cancel, refund), answers a repeated idempotency key with the first answer,
// and, when given a webhook address, sends the signed events Stripe would send after a confirmation.
//
// Test cards: the payment method `pm_card_visa` succeeds, `pm_card_chargeDeclined` is declined. A PaymentIntent
// whose receipt e-mail is stripe-down@example.com cannot be created (Stripe answers 500).

export type Call = { method: string; path: string; idempotencyKey: string | undefined; key: string; form: URLSearchParams };

type Intent = {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: 'requires_payment_method' | 'succeeded' | 'canceled';
  client_secret: string;
  receipt_email: string | null;
  metadata: Record<string, string>;
  amount_refunded: number;
  // Not Stripe's: what the browser said the shopper was shown (the wallet sheet's total) when confirming.
  shown_amount?: number;
  last_payment_error?: { code: string; message: string } | null;
};

type WebhookDelivery = { type: string; intentId: string; status: number };

export type StripeApiDouble = {
  url: string;
  calls: Call[];
  intents: Map<string, Intent>;
  deliveries: WebhookDelivery[];
  close: () => Promise<void>;
};

type Answer = { status: number; body: unknown };

const stripeError = (status: number, type: string, message: string, extra: Record<string, unknown> = {}): Answer => ({
  status,
  body: { error: { type, message, ...extra } },
});

function metadataOf(form: URLSearchParams): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of form) {
    const match = name.match(/^metadata\[(.+)\]$/);
    if (match) metadata[match[1]!] = value;
  }
  return metadata;
}

function keyOf(req: IncomingMessage, form: URLSearchParams, query: URLSearchParams): string {
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  return bearer ?? form.get('key') ?? query.get('key') ?? '';
}

export async function startStripeApiDouble(
  options: { port?: number; webhook?: { url: string; secret: string } } = {},
): Promise<StripeApiDouble> {
  const calls: Call[] = [];
  const intents = new Map<string, Intent>();
  const replies = new Map<string, Answer>();
  const deliveries: WebhookDelivery[] = [];

  // Sends the event as Stripe does: signed, once the API call has been answered, retried if the shop is down.
  async function sendEvent(type: string, intent: Intent) {
    if (!options.webhook) return;
    const payload = JSON.stringify({
      id: `evt_${randomBytes(8).toString('hex')}`,
      object: 'event',
      type,
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      data: { object: intent },
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.webhook.secret });
      try {
        const res = await fetch(options.webhook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          body: payload,
        });
        deliveries.push({ type, intentId: intent.id, status: res.status });
        if (res.ok) return;
      } catch (error) {
        console.error(`[stripe double] webhook ${type} for ${intent.id} not delivered`, error);
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }

  function confirm(intent: Intent, form: URLSearchParams): Answer {
    if (form.get('client_secret') !== intent.client_secret)
      return stripeError(400, 'invalid_request_error', 'The client_secret does not match this PaymentIntent.');
    if (intent.status !== 'requires_payment_method') {
      return stripeError(400, 'invalid_request_error', `This PaymentIntent's status is ${intent.status}, so it cannot be confirmed.`, {
        code: 'payment_intent_unexpected_state',
        payment_intent: intent,
      });
    }
    const shown = form.get('shown_amount');
    if (shown) intent.shown_amount = Number(shown);
    if (form.get('payment_method') === 'pm_card_chargeDeclined') {
      intent.last_payment_error = { code: 'card_declined', message: 'Your card was declined.' };
      setImmediate(() => void sendEvent('payment_intent.payment_failed', intent));
      return stripeError(402, 'card_error', 'Your card was declined.', {
        code: 'card_declined',
        decline_code: 'generic_decline',
        payment_intent: intent,
      });
    }
    intent.status = 'succeeded';
    intent.last_payment_error = null;
    setImmediate(() => void sendEvent('payment_intent.succeeded', intent));
    return { status: 200, body: intent };
  }

  function answer(req: IncomingMessage, path: string, form: URLSearchParams, key: string): Answer {
    const secretKey = key.startsWith('sk_');
    if (!key) return stripeError(401, 'invalid_request_error', 'You did not provide an API key.');
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      if (!secretKey) return stripeError(401, 'invalid_request_error', 'This call needs a secret key.');
      if (form.get('receipt_email') === 'stripe-down@example.com') return stripeError(500, 'api_error', 'Stripe is having a bad day');
      const id = `pi_${randomBytes(8).toString('hex')}`;
      const intent: Intent = {
        id,
        object: 'payment_intent',
        amount: Number(form.get('amount')),
        currency: form.get('currency') ?? '',
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(6).toString('hex')}`,
        receipt_email: form.get('receipt_email'),
        metadata: metadataOf(form),
        amount_refunded: 0,
      };
      intents.set(id, intent);
      return { status: 200, body: intent };
    }
    const match = path.match(/^\/v1\/payment_intents\/([^/]+)(?:\/(confirm|cancel))?$/);
    const intent = match ? intents.get(match[1]!) : undefined;
    if (match && !intent)
      return stripeError(404, 'invalid_request_error', `No such payment_intent: '${match[1]}'`, { code: 'resource_missing' });
    if (intent && req.method === 'GET' && !match![2]) return { status: 200, body: intent };
    if (intent && req.method === 'POST' && match![2] === 'confirm') return confirm(intent, form);
    if (intent && req.method === 'POST' && match![2] === 'cancel') {
      if (!secretKey) return stripeError(401, 'invalid_request_error', 'This call needs a secret key.');
      if (intent.status === 'succeeded')
        return stripeError(400, 'invalid_request_error', 'You cannot cancel this PaymentIntent because it has a status of succeeded.');
      intent.status = 'canceled';
      return { status: 200, body: intent };
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      if (!secretKey) return stripeError(401, 'invalid_request_error', 'This call needs a secret key.');
      const refunded = intents.get(form.get('payment_intent') ?? '');
      // A refund with an amount gives back that much (a partial refund); without one, what is left.
      const amount = refunded ? Number(form.get('amount') ?? refunded.amount - refunded.amount_refunded) : 0;
      if (refunded) refunded.amount_refunded = Math.min(refunded.amount, refunded.amount_refunded + amount);
      return {
        status: 200,
        body: {
          id: `re_${form.get('payment_intent')}`,
          object: 'refund',
          status: 'succeeded',
          payment_intent: form.get('payment_intent'),
          amount,
        },
      };
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`);
  }

  // What tests read back: the PaymentIntents (by order id or receipt e-mail) and the webhooks sent.
  function inspect(path: string, query: URLSearchParams): Answer | null {
    if (path === '/test/payment_intents') {
      const orderId = query.get('orderId');
      const email = query.get('email');
      const found = [...intents.values()].filter(
        (i) => (!orderId || i.metadata.orderId === orderId) && (!email || i.receipt_email === email),
      );
      return { status: 200, body: { intents: found } };
    }
    if (path === '/test/webhooks') return { status: 200, body: { deliveries } };
    if (path === '/test/health') return { status: 200, body: { ok: true } };
    return null;
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const form = new URLSearchParams(body);
    const key = keyOf(req, form, url.searchParams);
    let reply = inspect(url.pathname, url.searchParams);
    if (!reply) {
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      calls.push({ method: req.method ?? '', path: url.pathname, idempotencyKey, key, form });
      reply = (idempotencyKey && replies.get(idempotencyKey)) || answer(req, url.pathname, form, key);
      if (idempotencyKey && reply.status < 500) replies.set(idempotencyKey, reply);
    }
    // Stripe.js calls the API from the shop's pages, so the answers carry CORS headers as Stripe's do.
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'request-id': `req_${randomBytes(6).toString('hex')}`,
      'access-control-allow-origin': '*',
    });
    res.end(JSON.stringify(reply.body));
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    intents,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
