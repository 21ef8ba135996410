import 'server-only';
import { recordOrderEvent } from '@/lib/analytics/record';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Tx } from '@/lib/db/client';
import { ORDER_TX } from '@/lib/db/tx-options';
import type { PickupStatus } from '@/lib/generated/prisma/enums';
import { moveOrderTx } from '@/lib/orders/transitions';
import { auditTx } from './audit';
import { PickupError, pickupNotFound } from './errors';
import { announcePickupChange } from './events';
import { sendReadyEmail } from './ready-email';
import type { PickBody } from './schemas';
import { lineResolved, proposeTx, withdrawTx } from './substitution';
import { sendSubstitutionEmail } from './substitution-email';
import { assertPickupTransition, effectivePickupStatus, PickupTransitionError } from './state';

type Locked = { orderId: string; locationId: string; status: PickupStatus; orderStatus: string };

// Makes the order's Pickup row if the store had not touched it yet, then locks it: every staff step on one order
// runs one at a time, so two associates cannot both start it, both mark it ready or both hand it over.
export async function lockPickupTx(tx: Tx, orderId: string, storeId: string): Promise<Locked> {
  await tx.pickup.createMany({ data: [{ orderId, locationId: storeId }], skipDuplicates: true });
  const [row] = await tx.$queryRaw<{ status: PickupStatus; orderStatus: string }[]>`
    SELECT p."status", o."status" AS "orderStatus" FROM "Pickup" p JOIN "Order" o ON o."id" = p."orderId"
    WHERE p."orderId" = ${orderId} FOR UPDATE OF p`;
  if (!row) throw pickupNotFound();
  const status = effectivePickupStatus(row.orderStatus as never, row.status);
  return { orderId, locationId: storeId, status, orderStatus: row.orderStatus };
}

// Ticks lines as picked, marks them "can't find", or unticks them. The first tick starts picking (TO_PICK → PICKING). A line that is not
// on the order is a 400 and nothing is written; an order past picking is a 422.
export async function pickLines(
  user: SessionUser,
  orderId: string,
  storeId: string,
  body: PickBody,
  now: Date = new Date(),
): Promise<void> {
  const result = await db.$transaction(async (tx) => {
    const pickup = await lockPickupTx(tx, orderId, storeId);
    if (pickup.status !== 'PICKING') assertPickupTransition(pickup.status, 'PICKING');
    const orderLines = new Map(
      (
        await tx.orderLine.findMany({
          where: { orderId },
          select: { id: true, variantId: true, quantity: true, name: true, sku: true, unitPriceMinor: true },
        })
      ).map((l) => [l.id, l]),
    );
    const unknown = body.lines.filter((l) => !orderLines.has(l.lineId)).map((l) => l.lineId);
    if (unknown.length) throw new PickupError('unknown_line', 'These lines are not on this order.', { lineIds: unknown });
    if (pickup.status === 'TO_PICK') {
      await tx.pickup.update({ where: { orderId }, data: { status: 'PICKING', pickingAt: now } });
      await auditTx(tx, {
        actorId: user.id,
        locationId: storeId,
        orderId,
        action: 'pickup.picking',
        details: { from: 'TO_PICK', to: 'PICKING' },
        at: now,
      });
    }
    const ids = (status: PickBody['lines'][number]['status']) => body.lines.filter((l) => l.status === status).map((l) => l.lineId);
    const [picked, short, unpicked] = [ids('picked'), ids('short'), ids('unpicked')];
    // A line the shopper already answered about stays as they decided (an accepted substitute is picked already).
    const answered = await tx.pickupLine.findMany({
      where: { orderId, orderLineId: { in: body.lines.map((l) => l.lineId) }, substitution: { in: ['ACCEPTED', 'DECLINED', 'EXPIRED'] } },
      select: { orderLineId: true },
    });
    const changed = answered.filter((a) => body.lines.some((l) => l.lineId === a.orderLineId && l.status !== 'picked'));
    if (changed.length) throw lineResolved(orderLines.get(changed[0]!.orderLineId)!.name);
    // Found after all (or unticked): a question still open to the shopper is withdrawn and the substitute's hold freed.
    for (const lineId of [...picked, ...unpicked]) await withdrawTx(tx, lineId, orderLines.get(lineId)!.name);
    for (const lineId of picked) {
      await tx.pickupLine.upsert({
        where: { orderLineId: lineId },
        create: { orderLineId: lineId, orderId, status: 'PICKED', byId: user.id, at: now },
        update: { status: 'PICKED', byId: user.id, at: now },
      });
    }
    // "Can't find" (SHORT) asks the shopper about the substitute offered (or about dropping the line), keeps the order
    // from being marked ready and lists it under Problems until the line is found or the shopper has answered.
    for (const line of body.lines.filter((l) => l.status === 'short')) {
      const substituteVariantId = line.substituteVariantId ?? null;
      await proposeTx(tx, { orderId, storeId, line: orderLines.get(line.lineId)!, substituteVariantId, byId: user.id, now });
      await auditTx(tx, {
        actorId: user.id,
        locationId: storeId,
        orderId,
        action: 'pickup.substitute',
        details: { lineId: line.lineId, substituteVariantId },
        at: now,
      });
    }
    if (unpicked.length) await tx.pickupLine.deleteMany({ where: { orderId, orderLineId: { in: unpicked } } });
    await auditTx(tx, {
      actorId: user.id,
      locationId: storeId,
      orderId,
      action: 'pickup.lines',
      details: { picked, short, unpicked },
      at: now,
    });
    return { status: 'PICKING' as const, asked: short };
  }, ORDER_TX);
  await announcePickupChange(storeId, orderId, result.status);
  result.asked.forEach(() =>
    recordOrderEvent('SUBSTITUTION_OFFERED', orderId, { channel: 'IN_STORE', quantity: 1, valueMinor: null, occurredAt: now }),
  );
  if (result.asked.length)
    await sendSubstitutionEmail(orderId, result.asked).catch((error: unknown) =>
      console.error('[pickup] substitution e-mail failed', orderId, error),
    );
}

// Every line picked → READY; the order becomes READY_FOR_PICKUP in the same transaction and the shopper gets the
// "ready for pickup" e-mail (once) with the store, its hours today, the code and its QR.
export async function markReady(user: SessionUser, orderId: string, storeId: string, now: Date = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const pickup = await lockPickupTx(tx, orderId, storeId);
    assertPickupTransition(pickup.status, 'READY');
    const waiting = await tx.pickupLine.count({ where: { orderId, substitution: 'PROPOSED', substituteVariantId: { not: null } } });
    if (waiting)
      throw new PickupError(
        'substitution_pending',
        `The shopper has not answered about ${waiting === 1 ? 'a substitute' : `${waiting} substitutes`} yet.`,
        {
          waiting,
        },
      );
    const [lines, picked] = await Promise.all([
      tx.orderLine.count({ where: { orderId } }),
      tx.pickupLine.count({ where: { orderId, status: 'PICKED' } }),
    ]);
    if (picked < lines)
      throw new PickupError('not_all_picked', `${lines - picked} of ${lines} lines are not picked yet.`, { unpicked: lines - picked });
    const moved = await moveOrderTx(tx, orderId, ['PAID', 'CONFIRMED'], 'READY_FOR_PICKUP');
    if (!moved.changed) throw new PickupTransitionError(pickup.status, 'READY');
    await tx.pickup.update({ where: { orderId }, data: { status: 'READY', readyAt: now } });
    await auditTx(tx, {
      actorId: user.id,
      locationId: storeId,
      orderId,
      action: 'pickup.ready',
      details: { from: pickup.status, to: 'READY' },
      at: now,
    });
  }, ORDER_TX);
  await announcePickupChange(storeId, orderId, 'READY');
  recordOrderEvent('ORDER_READY', orderId, { channel: 'IN_STORE' });
  await sendReadyEmail(orderId, now).catch((error: unknown) => console.error('[pickup] ready e-mail failed', orderId, error));
}
