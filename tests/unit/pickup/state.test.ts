import { describe, expect, it } from 'vitest';
import { canTransition } from '@/lib/orders/state';
import {
  assertPickupTransition,
  effectivePickupStatus,
  ORDER_STATUS_OF,
  PICKUP_STATUSES,
  PICKUP_TRANSITIONS,
  PickupTransitionError,
  pickupStatusesBefore,
} from '@/lib/pickup/state';

// Written out by hand, not read from the table: the test fails if the table gains or loses a move.
const ALLOWED = new Set([
  'TO_PICK→PICKING',
  'TO_PICK→CANCELLED',
  'PICKING→READY',
  'PICKING→CANCELLED',
  'READY→WAITING',
  'READY→COLLECTED',
  'READY→NOT_COLLECTED',
  'READY→CANCELLED',
  'WAITING→COLLECTED',
  'WAITING→NOT_COLLECTED',
  'WAITING→CANCELLED',
]);

const pairs = PICKUP_STATUSES.flatMap((from) => PICKUP_STATUSES.map((to) => [from, to] as const));

describe('pickup state machine', () => {
  it('knows the seven statuses', () => {
    expect([...PICKUP_STATUSES].sort()).toEqual(['CANCELLED', 'COLLECTED', 'NOT_COLLECTED', 'PICKING', 'READY', 'TO_PICK', 'WAITING']);
  });

  it.each(pairs.filter(([f, t]) => ALLOWED.has(`${f}→${t}`)))('allows %s → %s', (from, to) => {
    expect(() => assertPickupTransition(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([f, t]) => !ALLOWED.has(`${f}→${t}`)))('refuses %s → %s with a 422', (from, to) => {
    let error: unknown;
    try {
      assertPickupTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PickupTransitionError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_transition', from, to });
    expect((error as Error).message).toMatch(/cannot become/);
  });

  it('final statuses go nowhere', () => {
    for (const s of ['COLLECTED', 'NOT_COLLECTED', 'CANCELLED'] as const) expect(PICKUP_TRANSITIONS[s]).toEqual([]);
  });

  it('lists where a handover may start from', () => {
    expect(pickupStatusesBefore('COLLECTED').sort()).toEqual(['READY', 'WAITING']);
    expect(pickupStatusesBefore('READY')).toEqual(['PICKING']);
  });

  it('every pickup move is a move the order itself may make (or keeps the order where it is)', () => {
    for (const [from, to] of pairs.filter(([f, t]) => ALLOWED.has(`${f}→${t}`))) {
      for (const orderFrom of ORDER_STATUS_OF[from]) {
        const reachable = ORDER_STATUS_OF[to].some((orderTo) => orderTo === orderFrom || canTransition(orderFrom, orderTo));
        expect(reachable, `${from}(${orderFrom}) → ${to}`).toBe(true);
      }
    }
  });

  it('reads an order the store has not touched as to pick, and a cancelled or completed order as such', () => {
    expect(effectivePickupStatus('PAID', null)).toBe('TO_PICK');
    expect(effectivePickupStatus('CONFIRMED', 'PICKING')).toBe('PICKING');
    expect(effectivePickupStatus('CANCELLED', 'READY')).toBe('CANCELLED');
    expect(effectivePickupStatus('CANCELLED', 'NOT_COLLECTED')).toBe('NOT_COLLECTED');
    expect(effectivePickupStatus('COMPLETED', 'WAITING')).toBe('COLLECTED');
  });
});
