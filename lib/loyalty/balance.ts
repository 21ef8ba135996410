import 'server-only';
import { db } from '@/lib/db';

// The member's spendable points (0 before their first): what checkout offers. The hold at placement checks again.
export async function spendableBalance(userId: string): Promise<number> {
  const account = await db.loyaltyAccount.findUnique({ where: { userId }, select: { balance: true } });
  return account?.balance ?? 0;
}
