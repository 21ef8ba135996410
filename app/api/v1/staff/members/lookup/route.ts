// POST /api/v1/staff/members/lookup – the member behind a scanned or typed card token, for an associate of the store (audited)
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { lookupMember } from '@/lib/loyalty/counter';
import { memberLookupBodySchema } from '@/lib/loyalty/schemas';
import { requireStoreStaff } from '@/lib/pickup/access';

export const POST = route({ body: memberLookupBodySchema, label: 'member lookup' }, async ({ body }) => {
  const user = await requireStoreStaff(body.storeId);
  return apiJson({ member: await lookupMember(user, body.storeId, body.token) }, { headers: { 'Cache-Control': 'private, no-store' } });
});
