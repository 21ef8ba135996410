import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

type StaffAction =
  | 'pickup.picking'
  | 'pickup.lines'
  | 'pickup.substitute'
  | 'pickup.ready'
  | 'pickup.handover'
  | 'pickup.code_failed'
  | 'pickup.locked'
  | 'customer.lookup'
  | 'store.settings';

export type AuditEntry = {
  actorId: string;
  locationId: string;
  orderId: string | null;
  action: StaffAction;
  details?: Prisma.InputJsonValue;
  at?: Date;
};

// Written in the same transaction as the change it records: no change without its entry, no entry without its change.
export async function auditTx(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.staffAuditEntry.create({ data: entry });
}
