// GET /api/v1/cart – the caller's cart (guest cookie or signed-in shopper), merging a guest cart after sign-in
import { route } from '@/lib/api/route';
import { cartJson } from '@/lib/cart/api';
import { getCartForRequest } from '@/lib/cart/request';

const internal = 'Something went wrong with your bag. Please try again.';

export const GET = route({ label: 'cart', internal }, async () => cartJson(await getCartForRequest()));
