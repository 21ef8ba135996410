// POST /api/v1/loyalty/confirm-code – a one-time code (2 minutes) the member shows at the counter to spend points
import { requireRole } from '@/lib/auth/guard';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { newConfirmCode } from '@/lib/loyalty/member-card';

export const POST = route({ label: 'loyalty confirm code' }, async () => {
  const user = await requireRole('CUSTOMER', 'STAFF', 'ADMIN');
  return apiJson(await newConfirmCode(user.id), { status: 201, headers: { 'Cache-Control': 'private, no-store' } });
});
