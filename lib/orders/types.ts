// App-shaped order objects for the checkout API, pages and e-mails. No database types here.
import type { Fulfilment, OrderStatus, PaymentProvider, SalesChannel } from '@/lib/generated/prisma/enums';

export type { Fulfilment, OrderStatus, PaymentProvider as PaymentProviderKind };

export type ShippingAddress = {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  postcode: string;
  country: string;
  phone?: string | null;
};

export type OrderLineSummary = {
  variantId: string | null;
  name: string;
  sku: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
};

export type OrderSummary = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  userId: string | null;
  channel: SalesChannel;
  fulfilment: Fulfilment;
  pickupLocationId: string | null;
  shippingAddress: ShippingAddress | null;
  paymentProvider: PaymentProvider | null;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  discountCode: string | null;
  // Loyalty points used on the order and what they took off (0 when none).
  pointsRedeemed: number;
  pointsDiscountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  placedAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  holdExpiresAt: Date | null;
  lines: OrderLineSummary[];
};
