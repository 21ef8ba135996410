import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { ORDER_TX } from '@/lib/db/tx-options';
import { consumeHoldsTx } from '@/lib/inventory/holds';
import { priceHandoverRedemptionTx, redeemAtHandoverTx } from '@/lib/loyalty/handover';
import { moveOrderTx } from '@/lib/orders/transitions';
import type { AppError } from '@/lib/errors';
import { formatMoney } from '@/lib/utils';
import { auditTx } from './audit';
import { pickupCodeMatches } from './code';
import { PickupError } from './errors';
import { announcePickupChange } from './events';
import { lockPickupTx } from './picking';
import type { HandoverBody } from './schemas';
import { PickupTransitionError } from './state';

const CODE_ATTEMPTS = 5;
const CODE_WINDOW_MS = 15 * 60_000;
const CODE_LOCK_MS = 15 * 60_000;

type Outcome = { ok: true; repeated?: boolean } | { ok: false; error: AppError };

const timeIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);

// The counter: the code the shopper shows (typed or scanned), who takes the parcel, and for a pay-at-pickup order
// the payment taken for its exact total. The order's Pickup row is locked for the whole step, so of two associates
// handing over at once exactly one succeeds and the other is told who already did. A wrong code is recorded (in
// the same locked step, so attempts are counted exactly); the fifth in 15 minutes locks the order for 15 minutes.
// With `redeem`, a member's points come off what is due in the same step (lib/loyalty/handover.ts), before the order
// completes and earns on what was paid. The same handover sent again (its `idempotencyKey`) is answered as done.
export async function handOver(
  user: SessionUser,
  orderId: string,
  storeId: string,
  body: HandoverBody,
  now: Date = new Date(),
): Promise<void> {
  const outcome = await db.$transaction(async (tx): Promise<Outcome> => {
    const pickup = await lockPickupTx(tx, orderId, storeId);
    const row = await tx.pickup.findUniqueOrThrow({
      where: { orderId },
      select: {
        lockedUntil: true,
        collectedAt: true,
        order: { select: { pickupCodeHash: true, paymentProvider: true, paidAt: true, totalMinor: true, currency: true } },
        location: { select: { timeZone: true } },
      },
    });
    if (pickup.status === 'COLLECTED') {
      if (body.idempotencyKey && (await handedOverWithKey(tx, orderId, body.idempotencyKey))) return { ok: true, repeated: true };
      const when = row.collectedAt ? ` at ${timeIn(row.collectedAt, row.location.timeZone)}` : '';
      throw new PickupError('already_collected', `This order was already handed over${when}.`);
    }
    if (pickup.status !== 'READY' && pickup.status !== 'WAITING') throw new PickupTransitionError(pickup.status, 'COLLECTED');
    if (row.lockedUntil && row.lockedUntil > now) {
      const retryAfterSeconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new PickupError('code_locked', 'Too many wrong codes for this order. Try again later or ask the shopper for their e-mail.', {
        retryAfterSeconds,
      });
    }
    const { order } = row;
    const due = !order.paidAt;
    if (!due && body.payment) throw new PickupError('payment_not_due', 'This order is already paid.');
    // Points are priced first (nothing written), so the payment is checked against what is due after them.
    const redemption = body.redeem ? await priceHandoverRedemptionTx(tx, orderId, body.redeem.points) : null;
    const dueMinor = redemption?.totalMinor ?? order.totalMinor;
    const after = redemption ? ' after points' : '';
    if (due && !body.payment)
      throw new PickupError('payment_required', `Take ${formatMoney(dueMinor, order.currency)} and record the payment.`, {
        amountMinor: dueMinor,
      });
    if (due && body.payment!.amountMinor !== dueMinor) {
      throw new PickupError(
        'payment_mismatch',
        `The payment must be the order's total${after}, ${formatMoney(dueMinor, order.currency)}.`,
        {
          amountMinor: dueMinor,
        },
      );
    }
    if (!order.pickupCodeHash || !pickupCodeMatches(orderId, body.code, order.pickupCodeHash)) {
      return { ok: false, error: await recordWrongCode(tx, user, orderId, storeId, now) };
    }
    if (redemption) {
      const refused = await redeemAtHandoverTx(tx, user, storeId, redemption, body.redeem!.confirmCode, now);
      if (refused) return { ok: false, error: refused };
    }
    const moved = await moveOrderTx(tx, orderId, ['READY_FOR_PICKUP'], 'COMPLETED', due ? { paidAt: now } : {});
    if (!moved.changed) throw new PickupTransitionError(pickup.status, 'COLLECTED');
    // Pay at pickup: the held stock becomes a sale now. A paid order's holds were consumed when it was paid.
    await consumeHoldsTx(tx, orderId);
    const collectedBy = body.collectedBy;
    await tx.pickup.update({
      where: { orderId },
      data: {
        status: 'COLLECTED',
        collectedAt: now,
        handedOverById: user.id,
        collectedByKind: collectedBy.kind === 'proxy' ? 'PROXY' : 'SHOPPER',
        collectedByName: collectedBy.kind === 'proxy' ? collectedBy.name : null,
        paymentMethod: body.payment ? body.payment.method.toUpperCase() : null,
        paymentMinor: body.payment?.amountMinor ?? null,
      },
    });
    const lines = await tx.orderLine.findMany({ where: { orderId }, select: { id: true, sku: true, quantity: true } });
    await auditTx(tx, {
      actorId: user.id,
      locationId: storeId,
      orderId,
      action: 'pickup.handover',
      details: {
        from: pickup.status,
        collectedBy,
        payment: body.payment ?? null,
        pointsRedeemed: redemption?.points ?? 0,
        idempotencyKey: body.idempotencyKey ?? null,
        lines,
      },
      at: now,
    });
    return { ok: true };
  }, ORDER_TX);
  if (!outcome.ok) throw outcome.error;
  if (outcome.repeated) return;
  if (body.payment) recordOrderEvent('ORDER_PAID', orderId);
  recordOrderEvent('ORDER_COLLECTED', orderId, { channel: 'IN_STORE' });
  await announcePickupChange(storeId, orderId, 'COLLECTED');
}

// Whether this order's handover was the one sent with `key` (a retry of a request whose answer was lost).
async function handedOverWithKey(tx: Tx, orderId: string, key: string): Promise<boolean> {
  const done = await tx.staffAuditEntry.findFirst({ where: { orderId, action: 'pickup.handover' }, select: { details: true } });
  const details = done?.details as { idempotencyKey?: unknown } | null | undefined;
  return details?.idempotencyKey === key;
}

async function recordWrongCode(tx: Tx, user: SessionUser, orderId: string, storeId: string, now: Date): Promise<PickupError> {
  await auditTx(tx, { actorId: user.id, locationId: storeId, orderId, action: 'pickup.code_failed', at: now });
  const failures = await tx.staffAuditEntry.count({
    where: { orderId, action: 'pickup.code_failed', at: { gt: new Date(now.getTime() - CODE_WINDOW_MS) } },
  });
  if (failures >= CODE_ATTEMPTS) {
    const lockedUntil = new Date(now.getTime() + CODE_LOCK_MS);
    await tx.pickup.update({ where: { orderId }, data: { lockedUntil } });
    await auditTx(tx, {
      actorId: user.id,
      locationId: storeId,
      orderId,
      action: 'pickup.locked',
      details: { until: lockedUntil.toISOString(), failures },
      at: now,
    });
    return new PickupError('code_locked', 'Too many wrong codes: this order is locked for 15 minutes.', {
      retryAfterSeconds: CODE_LOCK_MS / 1000,
    });
  }
  return new PickupError('wrong_code', 'That code does not match this order.', { attemptsLeft: CODE_ATTEMPTS - failures });
}
