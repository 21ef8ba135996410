import 'server-only';
import { publishEvent } from '@/lib/events';

// Every open queue of a store follows this channel (GET /api/v1/staff/stores/{storeId}/events); the payload only
// says which order changed, and the page refetches what it shows, so a missed event is healed by the next one
// (or by the refetch on focus).
export const storeQueueChannel = (storeId: string) => `staff-store:${storeId}`;

type QueueEvent = { type: 'pickup.changed'; orderId: string; status: string };

export async function announcePickupChange(storeId: string, orderId: string, status: string): Promise<void> {
  const event: QueueEvent = { type: 'pickup.changed', orderId, status };
  await publishEvent(storeQueueChannel(storeId), event).catch((error: unknown) =>
    console.error('[pickup] queue event failed', storeId, error),
  );
}
