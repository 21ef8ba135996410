// GET /api/v1/loyalty – the signed-in member's own points: spendable balance, pending, tier, next expiry
import { requireRole } from '@/lib/auth/guard';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { getLoyaltySummary } from '@/lib/loyalty/account';

export const GET = route({ label: 'loyalty summary' }, async () => {
  const user = await requireRole('CUSTOMER', 'STAFF', 'ADMIN');
  return apiJson(await getLoyaltySummary(user.id), { headers: { 'Cache-Control': 'private, no-store' } });
});
