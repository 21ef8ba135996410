import 'server-only';
import { db } from '@/lib/db';
import { readAvailability, type AvailabilityQuery, type AvailabilityResult } from './read-availability';

export type { AvailabilityQuery, AvailabilityResult } from './read-availability';

// Availability (onHand − reserved) of a whole cart at one location, or at every store, in one query.
export async function getAvailability(query: AvailabilityQuery): Promise<AvailabilityResult> {
  return readAvailability(db, query);
}
