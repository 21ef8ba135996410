import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, ORDER_STATUSES, statusesBefore, TransitionError } from '@/lib/orders/state';

const rank = { PENDING: 0, PAID: 1, CONFIRMED: 1, READY_FOR_PICKUP: 2, COMPLETED: 3, CANCELLED: 4 } as const;

describe('order state machine', () => {
  it.each([
    ['PENDING', 'PAID'],
    ['PENDING', 'CONFIRMED'],
    ['PAID', 'READY_FOR_PICKUP'],
    ['CONFIRMED', 'READY_FOR_PICKUP'],
    ['READY_FOR_PICKUP', 'COMPLETED'],
    ['PAID', 'COMPLETED'],
    ['PENDING', 'CANCELLED'],
    ['PAID', 'CANCELLED'],
    ['CONFIRMED', 'CANCELLED'],
    ['READY_FOR_PICKUP', 'CANCELLED'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    ['PAID', 'PENDING'],
    ['CANCELLED', 'PAID'],
    ['COMPLETED', 'CANCELLED'],
    ['READY_FOR_PICKUP', 'PAID'],
    ['CONFIRMED', 'PAID'],
    ['PENDING', 'COMPLETED'],
    ['PENDING', 'READY_FOR_PICKUP'],
  ] as const)('refuses %s → %s with a typed 422 error', (from, to) => {
    let error: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransitionError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_transition', from, to });
    expect((error as Error).message).toMatch(/cannot become/);
  });

  it('never moves an order backwards and never leaves a final state', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        if (canTransition(from, to)) expect(rank[to]).toBeGreaterThan(rank[from]);
      }
    }
    expect(ORDER_STATUSES.filter((s) => canTransition('COMPLETED', s) || canTransition('CANCELLED', s))).toEqual([]);
  });

  it('lists the states a payment may arrive in', () => {
    expect(statusesBefore('PAID')).toEqual(['PENDING']);
    expect(statusesBefore('CANCELLED').sort()).toEqual(['CONFIRMED', 'PAID', 'PENDING', 'READY_FOR_PICKUP']);
  });
});
