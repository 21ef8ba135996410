import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { auditTx } from './audit';
import { requireStoreStaff } from './access';
import type { StoreSettings } from './schemas';

export type StoreSettingsView = StoreSettings & { storeId: string; storeName: string };

// A store's pickup settings, for its own staff (and admins): checked against the session and the database on each call.
export async function storeSettings(storeId: string): Promise<StoreSettingsView> {
  await requireStoreStaff(storeId);
  const store = await db.location.findUniqueOrThrow({
    where: { id: storeId },
    select: { id: true, name: true, pickupHoldDays: true, substitutionAnswerMinutes: true },
  });
  return {
    storeId: store.id,
    storeName: store.name,
    pickupHoldDays: store.pickupHoldDays,
    substitutionAnswerMinutes: store.substitutionAnswerMinutes,
  };
}

// Saves them with an audit entry (before and after) in the same transaction.
export async function updateStoreSettings(user: SessionUser, storeId: string, input: StoreSettings): Promise<StoreSettingsView> {
  await requireStoreStaff(storeId);
  return db.$transaction(async (tx) => {
    const before = await tx.location.findUniqueOrThrow({
      where: { id: storeId },
      select: { pickupHoldDays: true, substitutionAnswerMinutes: true },
    });
    const store = await tx.location.update({
      where: { id: storeId },
      data: input,
      select: { id: true, name: true, pickupHoldDays: true, substitutionAnswerMinutes: true },
    });
    await auditTx(tx, {
      actorId: user.id,
      locationId: storeId,
      orderId: null,
      action: 'store.settings',
      details: { before, after: input },
    });
    return {
      storeId: store.id,
      storeName: store.name,
      pickupHoldDays: store.pickupHoldDays,
      substitutionAnswerMinutes: store.substitutionAnswerMinutes,
    };
  });
}
