// GET /api/v1/loyalty/ledger?cursor= – the signed-in member's own ledger, newest first, a page at a time
import { requireRole } from '@/lib/auth/guard';
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { listLedger } from '@/lib/loyalty/account';
import { ledgerQuerySchema } from '@/lib/loyalty/schemas';

export const GET = route({ query: ledgerQuerySchema, label: 'loyalty ledger' }, async ({ query }) => {
  const user = await requireRole('CUSTOMER', 'STAFF', 'ADMIN');
  const page = await listLedger(user.id, query.cursor ?? null);
  return apiJson(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
