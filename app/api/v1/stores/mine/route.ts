// GET|PUT /api/v1/stores/mine – the shopper's chosen store: account preference when signed in, else a cookie
import type { NextRequest } from 'next/server';
import { apiError, apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { cookieOptions } from '@/lib/auth/cookie-options';
import { getSessionUser } from '@/lib/auth/session';
import { MY_STORE_COOKIE, MY_STORE_COOKIE_MAX_AGE } from '@/lib/stores/my-store-cookie';
import { setMyStoreBodySchema } from '@/lib/stores/schemas';
import { getMyStore, setMyStore } from '@/lib/stores/stores';

const noStore = { 'Cache-Control': 'private, no-store' };

export const GET = route({ label: 'stores' }, async ({ request }) => {
  const user = await getSessionUser();
  const store = await getMyStore({ userId: user?.id, cookieStoreId: (request as NextRequest).cookies.get(MY_STORE_COOKIE)?.value });
  return apiJson({ store }, { headers: noStore });
});

export const PUT = route({ body: setMyStoreBodySchema, label: 'stores' }, async ({ body }) => {
  const user = await getSessionUser();
  const result = await setMyStore({ storeId: body.storeId, userId: user?.id });
  if (!result.ok) {
    return result.reason === 'not_found'
      ? apiError(404, 'store_not_found', 'There is no store with that id.')
      : apiError(422, 'pickup_unavailable', 'This store does not offer pickup at the moment. Choose another store.');
  }
  const response = apiJson({ store: result.store }, { headers: noStore });
  if (!result.store) response.cookies.delete(MY_STORE_COOKIE);
  else response.cookies.set(MY_STORE_COOKIE, result.store.id, cookieOptions(MY_STORE_COOKIE_MAX_AGE));
  return response;
});
