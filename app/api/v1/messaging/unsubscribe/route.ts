// POST /api/v1/messaging/unsubscribe?token= – one-click unsubscribe (RFC 8058) from a mail client, or the /unsubscribe page's button
import { z } from 'zod';
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { env } from '@/lib/env';
import { unsubscribeWithToken } from '@/lib/messaging/unsubscribe-action';

const query = z.object({ token: z.string().min(1).max(1000) });

// A mail client posts from nowhere in particular (no Origin of ours); the signed token is the authority.
export const POST = route(
  { query, crossSite: 'allow', invalid: 'This unsubscribe link is not valid.', label: 'unsubscribe' },
  async ({ request, query }) => {
    const done = await unsubscribeWithToken(query.token);
    if (!done) return apiError(400, 'invalid_token', 'This unsubscribe link is not valid.');
    // The page's own form wants to land back on the page; a mail client just needs a 2xx.
    if (request.headers.get('accept')?.includes('text/html'))
      return Response.redirect(`${env.APP_URL.replace(/\/$/, '')}/unsubscribe?done=${done.topic.toLowerCase()}`, 303);
    return apiJson({ unsubscribed: { topic: done.topic.toLowerCase() } });
  },
);
