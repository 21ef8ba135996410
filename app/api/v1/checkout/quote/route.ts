// POST /api/v1/checkout/quote – the totals for the lines the checkout page shows (server prices, the code's rules)
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { getSessionUser } from '@/lib/auth/session';
import { quoteCheckout } from '@/lib/checkout/quote';
import { quoteBodySchema } from '@/lib/checkout/schemas';

export const POST = route({ body: quoteBodySchema, label: 'checkout-quote' }, async ({ body }) => {
  const user = await getSessionUser();
  return apiJson(await quoteCheckout(body, user?.id ?? null), { headers: { 'Cache-Control': 'private, no-store' } });
});
