// POST /api/v1/staff/members/{memberId}/redeem – spend a member's points at the counter with their one-time code (audited)
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { memberNotFound } from '@/lib/loyalty/errors';
import { redeemAtCounter } from '@/lib/loyalty/counter';
import { counterRedeemBodySchema, memberParamsSchema } from '@/lib/loyalty/schemas';
import { requireStoreStaff } from '@/lib/pickup/access';

const spec = { params: memberParamsSchema, invalidParams: memberNotFound, body: counterRedeemBodySchema, label: 'counter redeem' };

export const POST = route(spec, async ({ params, body }) => {
  const user = await requireStoreStaff(body.storeId);
  const { storeId, ...input } = body;
  const redemption = await redeemAtCounter(user, storeId, params.memberId, input);
  return apiJson({ redemption }, { status: redemption.repeated ? 200 : 201, headers: { 'Cache-Control': 'private, no-store' } });
});
