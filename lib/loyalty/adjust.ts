import 'server-only';
import { db } from '@/lib/db';
import type { LoyaltyChannel } from '@/lib/generated/prisma/enums';
import { appendEntry, ensureAccount, type Client } from './ledger';
import { expiresAtFor } from './programme';

// A goodwill or correction credit (ADJUST): spendable at once, expiring like any other available points.
export async function adjustPoints(
  input: { userId: string; points: number; idempotencyKey: string; channel?: LoyaltyChannel; staffUserId?: string | null; note?: string },
  client: Client = db,
  now: Date = new Date(),
): Promise<{ balance: number; applied: boolean }> {
  const account = await ensureAccount(client, input.userId);
  const result = await appendEntry(
    client,
    account.id,
    {
      kind: 'ADJUST',
      points: input.points,
      channel: input.channel ?? 'ONLINE',
      idempotencyKey: input.idempotencyKey,
      staffUserId: input.staffUserId ?? null,
      expiresAt: input.points > 0 ? expiresAtFor(now) : null,
      note: input.note ?? null,
    },
    now,
  );
  if (result.status === 'insufficient') throw new Error('An adjustment cannot take the balance below zero.');
  const after = await client.loyaltyAccount.findUniqueOrThrow({ where: { id: account.id }, select: { balance: true } });
  return { balance: after.balance, applied: result.status === 'applied' };
}
