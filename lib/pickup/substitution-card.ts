import type { PickupLineStatus, SubstitutionStatus } from '@/lib/generated/prisma/enums';
import type { PickupCard } from './schemas';

type PickupLineRow = {
  status: PickupLineStatus;
  substitution: SubstitutionStatus | null;
  substituteName: string | null;
  substituteSku: string | null;
  substitutionAskedAt: Date | null;
};

type CardLinePick = Pick<PickupCard['lines'][number], 'picked' | 'substitution'>;

// How a line stands on the store's card: picked or short, and a short line's question to the shopper.
export function pickedOf(row: PickupLineRow | undefined): CardLinePick {
  if (!row || row.status === 'DROPPED') return { picked: null, substitution: null };
  return {
    picked: row.status,
    substitution: row.substitution
      ? {
          status: row.substitution,
          substitute: row.substituteName && row.substituteSku ? { name: row.substituteName, sku: row.substituteSku } : null,
          askedAt: row.substitutionAskedAt?.toISOString() ?? null,
        }
      : null,
  };
}
