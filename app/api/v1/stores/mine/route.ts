// GET|PUT /api/v1/stores/mine – the shopper's chosen store: account preference when signed in, else a cookie
import type { NextRequest } from 'next/server';
import { apiError, apiJson, badRequest, malformedBody, readJson } from '@/lib/api/respond';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { MY_STORE_COOKIE, MY_STORE_COOKIE_MAX_AGE } from '@/lib/stores/my-store-cookie';
import { setMyStoreBodySchema } from '@/lib/stores/schemas';
import { getMyStore, setMyStore } from '@/lib/stores/stores';

const noStore = { 'Cache-Control': 'private, no-store' };

export async function GET(request: NextRequest) {
  const user = await getSessionUser();
  const store = await getMyStore({ userId: user?.id, cookieStoreId: request.cookies.get(MY_STORE_COOKIE)?.value });
  return apiJson({ store }, { headers: noStore });
}

export async function PUT(request: NextRequest) {
  const body = await readJson(request);
  if (!body.ok) return malformedBody();
  const parsed = setMyStoreBodySchema.safeParse(body.value);
  if (!parsed.success) return badRequest(parsed.error);
  const user = await getSessionUser();
  const result = await setMyStore({ storeId: parsed.data.storeId, userId: user?.id });
  if (!result.ok) {
    return result.reason === 'not_found'
      ? apiError(404, 'store_not_found', 'There is no store with that id.')
      : apiError(422, 'pickup_unavailable', 'This store does not offer pickup at the moment. Choose another store.');
  }
  const response = apiJson({ store: result.store }, { headers: noStore });
  if (!result.store) response.cookies.delete(MY_STORE_COOKIE);
  else
    response.cookies.set(MY_STORE_COOKIE, result.store.id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.APP_URL.startsWith('https:'),
      path: '/',
      maxAge: MY_STORE_COOKIE_MAX_AGE,
    });
  return response;
}
