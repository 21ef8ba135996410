import 'server-only';
import { db } from '@/lib/db';
import type { SubstitutionLine } from './schemas';
import { lineName } from './substitution';

// The questions about missing items on an order, as its shopper sees them: what was ordered, what is offered (and at
// what price: never more than the line), when the answer is due, and how it ended (with any refund).
export async function substitutionLines(orderId: string, lineIds?: readonly string[]): Promise<SubstitutionLine[]> {
  const pickup = await db.pickup.findUnique({
    where: { orderId },
    select: {
      location: { select: { substitutionAnswerMinutes: true } },
      lines: {
        where: { substitution: { not: null }, ...(lineIds ? { orderLineId: { in: [...lineIds] } } : {}) },
        orderBy: { substitutionAskedAt: 'asc' },
      },
      order: { select: { lines: { select: { id: true, name: true, sku: true, quantity: true, unitPriceMinor: true } } } },
    },
  });
  if (!pickup?.lines.length) return [];
  const variantIds = pickup.lines.map((l) => l.substituteVariantId).filter((v): v is string => Boolean(v));
  const variants = await db.variant.findMany({
    where: { id: { in: variantIds } },
    select: { id: true, sku: true, size: true, color: true, priceMinor: true, product: { select: { name: true } } },
  });
  return pickup.lines.flatMap((l) => {
    const live = pickup.order.lines.find((o) => o.id === l.orderLineId);
    // Before an answer the line is as ordered; after one, the line as ordered was kept on the pickup line.
    const original =
      l.substitution === 'PROPOSED' && live
        ? { name: live.name, sku: live.sku, quantity: live.quantity, unitPriceMinor: live.unitPriceMinor }
        : l.originalName && l.originalSku && l.originalQuantity != null && l.originalUnitPriceMinor != null
          ? { name: l.originalName, sku: l.originalSku, quantity: l.originalQuantity, unitPriceMinor: l.originalUnitPriceMinor }
          : live && { name: live.name, sku: live.sku, quantity: live.quantity, unitPriceMinor: live.unitPriceMinor };
    if (!original || !l.substitution) return [];
    const v = variants.find((x) => x.id === l.substituteVariantId);
    return [
      {
        lineId: l.orderLineId,
        status: l.substitution,
        original,
        substitute: v ? { variantId: v.id, name: lineName(v.product.name, v.color, v.size), sku: v.sku, priceMinor: v.priceMinor } : null,
        acceptPriceMinor: v ? Math.min(v.priceMinor, original.unitPriceMinor) : null,
        answerBy:
          l.substitution === 'PROPOSED' && l.substitutionAskedAt
            ? new Date(l.substitutionAskedAt.getTime() + pickup.location.substitutionAnswerMinutes * 60_000).toISOString()
            : null,
        refundMinor: l.refundMinor,
      },
    ];
  });
}
