import 'server-only';
import { db } from '@/lib/db';
import type { LoyaltyChannel } from '@/lib/generated/prisma/enums';
import { LoyaltyError } from './errors';
import { appendEntry, type Client } from './ledger';
import { LoyaltyRuleError, PROGRAMME } from './programme';

export type RedeemInput = {
  accountId: string;
  points: number;
  channel: LoyaltyChannel;
  idempotencyKey: string;
  orderId?: string | null;
  storeId?: string | null;
  staffUserId?: string | null;
  note?: string | null;
};

export type Redemption = { entryId: string | null; balance: number; repeated: boolean };

// Spends points at once (the counter): one guarded statement, so of any number of redemptions racing on one account
// each is checked against what the others left and the balance never goes below zero. A repeated idempotency key
// spends nothing more and answers with the balance as it is.
export async function redeemPoints(input: RedeemInput, client: Client = db, now: Date = new Date()): Promise<Redemption> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0 || input.points % PROGRAMME.redeemStepPoints !== 0)
    throw new LoyaltyRuleError('invalid_points', `Points are used in steps of ${PROGRAMME.redeemStepPoints}.`);
  const result = await appendEntry(
    client,
    input.accountId,
    {
      kind: 'REDEEM',
      points: -input.points,
      channel: input.channel,
      idempotencyKey: input.idempotencyKey,
      orderId: input.orderId ?? null,
      storeId: input.storeId ?? null,
      staffUserId: input.staffUserId ?? null,
      note: input.note ?? null,
    },
    now,
  );
  if (result.status === 'applied') return { entryId: result.entryId, balance: result.balance, repeated: false };
  const account = await client.loyaltyAccount.findUniqueOrThrow({ where: { id: input.accountId }, select: { balance: true } });
  if (result.status === 'duplicate') return { entryId: null, balance: account.balance, repeated: true };
  throw new LoyaltyError('insufficient_points', `Only ${account.balance} points are available to spend.`, { balance: account.balance });
}
