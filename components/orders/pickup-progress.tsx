import { pickupProgress } from '@/lib/pickup/arrival';
import type { OrderStatus } from '@/lib/orders/types';
import { ArrivedButton } from './arrived-button';

const timeIn = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));

// The store's side of a pickup order, as the shopper sees it: "I'm here" once it is ready, then who is coming, then
// where and when it was collected.
export async function PickupProgress({ orderId, orderStatus }: { orderId: string; orderStatus: OrderStatus }) {
  if (orderStatus !== 'READY_FOR_PICKUP' && orderStatus !== 'COMPLETED') return null;
  const progress = await pickupProgress(orderId);
  if (progress?.collected) {
    const { storeName, collectedAt, timeZone } = progress.collected;
    return (
      <p data-testid="collected-note" className="rounded bg-brand-soft p-4 font-semibold">
        Collected at {storeName}, {timeIn(collectedAt, timeZone)}
      </p>
    );
  }
  if (orderStatus !== 'READY_FOR_PICKUP') return null;
  if (progress?.status === 'WAITING') {
    return (
      <p role="status" data-testid="arrived-note" className="rounded bg-brand-soft p-4">
        The store knows you are here: someone will bring your order to the counter. Have your pickup code ready.
      </p>
    );
  }
  return (
    <section aria-labelledby="arrive-heading" className="flex flex-col gap-2 rounded border border-border p-4">
      <h2 id="arrive-heading" className="text-lg font-semibold">
        At the store?
      </h2>
      <p>Tell the counter you have arrived and we will bring your order out.</p>
      <ArrivedButton orderId={orderId} />
    </section>
  );
}
