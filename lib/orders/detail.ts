import 'server-only';
import { computeReadyBy } from '@/lib/stores/hours';
import { pickupClockOf } from '@/lib/stores/view';
import { getStore } from '@/lib/stores/stores';
import type { OrderStatus, OrderSummary } from '@/lib/orders/types';

export type FulfilmentView =
  | {
      kind: 'PICKUP';
      // A sale at the store's till (channel IN_STORE), not an order collected there.
      inStore: boolean;
      store: {
        id: string;
        name: string;
        addressLines: string[];
        phone: string | null;
        hoursToday: string;
        openStatus: string;
        week: string[];
      } | null;
      readyBy: string | null;
    }
  | { kind: 'DELIVERY'; addressLines: string[] };

export type OrderDetail = OrderSummary & { statusLabel: string; fulfilmentView: FulfilmentView; cancellable: boolean };

// Cancelling is for orders nobody has started on: once a store has it ready (or it is collected) the store handles it.
export const CANCELLABLE_STATUSES: readonly OrderStatus[] = ['PENDING', 'CONFIRMED', 'PAID'];

export function statusInWords(status: OrderStatus, fulfilment: OrderSummary['fulfilment']): string {
  const pickup = fulfilment === 'PICKUP';
  switch (status) {
    case 'PENDING':
      return 'Awaiting payment';
    case 'PAID':
      return pickup ? 'Paid: we are getting it ready for pickup' : 'Paid: we are preparing it for delivery';
    case 'CONFIRMED':
      return 'Confirmed: pay when you collect';
    case 'READY_FOR_PICKUP':
      return 'Ready to collect';
    case 'COMPLETED':
      return pickup ? 'Collected' : 'Delivered';
    case 'CANCELLED':
      return 'Cancelled';
  }
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function readyByLabel(at: string, timeZone: string): string {
  const when = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(at));
  return `Ready to collect from ${when}`;
}

// Store details now (today's hours), and the ready-by promise as it was made: from when the order was paid or confirmed.
async function pickupView(order: OrderSummary, now: Date): Promise<FulfilmentView> {
  const store = order.pickupLocationId ? await getStore(order.pickupLocationId, now) : null;
  const inStore = order.channel === 'IN_STORE';
  if (!store) return { kind: 'PICKUP', inStore, store: null, readyBy: null };
  const promised = ['PAID', 'CONFIRMED'].includes(order.status)
    ? computeReadyBy(pickupClockOf(store), order.paidAt ?? order.placedAt)
    : null;
  const week = [1, 2, 3, 4, 5, 6, 0].map((day) => {
    const hours = store.hours.week.filter((h) => h.day === day).map((h) => `${h.open}–${h.close}`);
    return `${DAY_NAMES[day]} ${hours.length ? hours.join(', ') : 'closed'}`;
  });
  const { line1, line2, city, postcode } = store.address;
  return {
    kind: 'PICKUP',
    inStore,
    store: {
      id: store.id,
      name: store.name,
      addressLines: [line1, line2, `${city} ${postcode}`].filter((l): l is string => Boolean(l)),
      phone: store.phone,
      hoursToday: store.hours.today,
      openStatus: store.hours.status,
      week,
    },
    readyBy: promised ? readyByLabel(promised.at, store.timeZone) : null,
  };
}

export async function describeOrder(order: OrderSummary, now: Date = new Date()): Promise<OrderDetail> {
  const fulfilmentView: FulfilmentView =
    order.fulfilment === 'PICKUP'
      ? await pickupView(order, now)
      : {
          kind: 'DELIVERY',
          addressLines: order.shippingAddress
            ? [
                order.shippingAddress.name,
                order.shippingAddress.line1,
                order.shippingAddress.line2,
                `${order.shippingAddress.city} ${order.shippingAddress.postcode}`,
              ].filter((l): l is string => Boolean(l))
            : [],
        };
  return {
    ...order,
    statusLabel:
      order.channel === 'IN_STORE' && order.status === 'COMPLETED' ? 'Bought in store' : statusInWords(order.status, order.fulfilment),
    fulfilmentView,
    cancellable: CANCELLABLE_STATUSES.includes(order.status),
  };
}

export type TotalsRow = { label: string; amountMinor: number; kind: 'add' | 'subtract' | 'included' | 'total' };

// Shelf prices include VAT, so tax is a line "included" in the total unless the order added it on top.
export function totalsRows(order: OrderSummary): TotalsRow[] {
  const beforeTax = order.subtotalMinor - order.discountMinor - order.pointsDiscountMinor + order.shippingMinor;
  const taxIncluded = order.totalMinor === beforeTax;
  const rows: TotalsRow[] = [{ label: 'Subtotal', amountMinor: order.subtotalMinor, kind: 'add' }];
  if (order.discountMinor > 0)
    rows.push({
      label: order.discountCode ? `Discount (${order.discountCode})` : 'Discount',
      amountMinor: order.discountMinor,
      kind: 'subtract',
    });
  if (order.pointsDiscountMinor > 0)
    rows.push({
      label: `Points (${order.pointsRedeemed.toLocaleString('en-GB')})`,
      amountMinor: order.pointsDiscountMinor,
      kind: 'subtract',
    });
  rows.push({ label: order.fulfilment === 'PICKUP' ? 'Pickup' : 'Delivery', amountMinor: order.shippingMinor, kind: 'add' });
  if (order.taxMinor > 0)
    rows.push({ label: taxIncluded ? 'VAT included' : 'Tax', amountMinor: order.taxMinor, kind: taxIncluded ? 'included' : 'add' });
  rows.push({ label: 'Total', amountMinor: order.totalMinor, kind: 'total' });
  return rows;
}
