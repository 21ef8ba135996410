import 'server-only';
import { confirmPayAtPickup } from '@/lib/orders/transitions';
import { OrderError } from '@/lib/orders/errors';
import type { PaymentOrder, PaymentProvider, PaymentStart } from './provider';

// Nothing is charged online: the order is confirmed with its stock held, and the store takes payment at handover.
export const payAtPickupProvider: PaymentProvider = {
  kind: 'PAY_AT_PICKUP',
  async createPayment(order: PaymentOrder): Promise<PaymentStart> {
    if (order.fulfilment !== 'PICKUP')
      throw new OrderError('payment_not_allowed', 'Pay at pickup is only for orders collected in a store.');
    // Checkout writes a pay-at-pickup order CONFIRMED in the transaction that places it.
    if (order.status === 'CONFIRMED') return { provider: 'PAY_AT_PICKUP', status: 'confirmed' };
    const result = await confirmPayAtPickup(order.id);
    if (result.status !== 'CONFIRMED') throw new OrderError('payment_not_allowed', 'This order can no longer be confirmed.');
    return { provider: 'PAY_AT_PICKUP', status: 'confirmed' };
  },
  async cancel() {},
  async refund() {},
  async refundPart() {},
};
