// GET /api/v1/cart – the caller's cart (guest cookie or signed-in shopper), merging a guest cart after sign-in
import { cartErrorResponse, cartJson } from '@/lib/cart/api';
import { getCartForRequest } from '@/lib/cart/request';

export async function GET() {
  try {
    return cartJson(await getCartForRequest());
  } catch (error) {
    return cartErrorResponse(error);
  }
}
