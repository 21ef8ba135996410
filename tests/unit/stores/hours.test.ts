import { describe, expect, it } from 'vitest';
import { computeReadyBy, describeOpenState, type OpeningHours } from '@/lib/stores/hours';

// Riverside's hours: Mon–Fri 09:30–19:30, Sat 10:00–20:00, Sun 11:00–17:00.
const riverside: OpeningHours = [
  { day: 0, open: '11:00', close: '17:00' },
  ...[1, 2, 3, 4, 5].map((day) => ({ day, open: '09:30', close: '19:30' })),
  { day: 6, open: '10:00', close: '20:00' },
];
// Closed on Sundays and Mondays.
const weekdaysOnly: OpeningHours = [2, 3, 4, 5, 6].map((day) => ({ day, open: '10:00', close: '18:00' }));
const london = 'Europe/London';

describe('open now and today’s hours', () => {
  it('is open on a summer Wednesday afternoon, in London time', () => {
    // 2026-06-03 is a Wednesday; 13:00Z is 14:00 BST.
    const state = describeOpenState(riverside, london, new Date('2026-06-03T13:00:00Z'));
    expect(state).toMatchObject({ openNow: true, todayHours: '09:30–19:30', status: 'Open now · closes 19:30' });
  });

  it('is closed an hour after closing by the store clock, although UTC says 18:45', () => {
    const state = describeOpenState(riverside, london, new Date('2026-06-03T18:45:00Z'));
    expect(state).toMatchObject({ openNow: false, status: 'Closed · opens tomorrow at 09:30' });
  });

  it('says when it opens later the same day', () => {
    const state = describeOpenState(riverside, london, new Date('2026-06-03T07:00:00Z'));
    expect(state.status).toBe('Closed · opens 09:30');
  });

  it('names the weekday when the store is shut tomorrow too', () => {
    // Saturday 2026-06-06 19:00 BST → next opening is Tuesday.
    const state = describeOpenState(weekdaysOnly, london, new Date('2026-06-06T18:00:00Z'));
    expect(state.status).toBe('Closed · opens Tuesday at 10:00');
  });

  it('uses the store’s own time zone and weekday', () => {
    // Monday 02:00Z is still Sunday 22:00 in New York (EDT).
    const nyc = [{ day: 0, open: '12:00', close: '23:00' }];
    const state = describeOpenState(nyc, 'America/New_York', new Date('2026-06-08T02:00:00Z'));
    expect(state).toMatchObject({ openNow: true, todayHours: '12:00–23:00' });
  });

  it('says closed today on a day with no hours', () => {
    const state = describeOpenState(weekdaysOnly, london, new Date('2026-06-07T12:00:00Z'));
    expect(state).toMatchObject({ openNow: false, todayHours: 'Closed today' });
  });
});

describe('ready-by promise', () => {
  it('is later today when the lead time ends before closing', () => {
    // Wednesday 13:30 BST + 120 min.
    expect(
      computeReadyBy({ hours: riverside, timeZone: london, leadMinutes: 120, cutoffMinutes: 0 }, new Date('2026-06-03T12:30:00Z')),
    ).toEqual({
      at: '2026-06-03T14:30:00.000Z',
      daysAhead: 0,
      label: 'Ready today from 15:30',
    });
  });

  it('rounds up to the next five minutes, never earlier than the truth', () => {
    expect(
      computeReadyBy({ hours: riverside, timeZone: london, leadMinutes: 60, cutoffMinutes: 0 }, new Date('2026-06-03T12:27:10Z'))?.label,
    ).toBe('Ready today from 14:30');
  });

  it('is tomorrow at opening when the lead time runs past closing', () => {
    // Wednesday 18:00 BST + 120 min = 20:00, after the 19:30 close.
    expect(
      computeReadyBy({ hours: riverside, timeZone: london, leadMinutes: 120, cutoffMinutes: 0 }, new Date('2026-06-03T17:00:00Z')),
    ).toEqual({
      at: '2026-06-04T08:30:00.000Z',
      daysAhead: 1,
      label: 'Ready tomorrow at 09:30',
    });
  });

  it('is at opening time when ordered before the store opens', () => {
    expect(
      computeReadyBy({ hours: riverside, timeZone: london, leadMinutes: 60, cutoffMinutes: 0 }, new Date('2026-06-03T05:00:00Z'))?.label,
    ).toBe('Ready today from 09:30');
  });

  it('skips closed days', () => {
    // Saturday 17:30 BST + 60 min → Sunday and Monday closed → Tuesday 10:00.
    expect(
      computeReadyBy({ hours: weekdaysOnly, timeZone: london, leadMinutes: 60, cutoffMinutes: 0 }, new Date('2026-06-06T16:30:00Z'))?.label,
    ).toBe('Ready Tuesday at 10:00');
  });

  it('keeps opening time in local time across the autumn clock change', () => {
    // Saturday 24 Oct 2026 17:00 BST; clocks go back overnight, so Sunday 11:00 is 11:00Z, not 10:00Z.
    expect(
      computeReadyBy({ hours: riverside, timeZone: london, leadMinutes: 240, cutoffMinutes: 0 }, new Date('2026-10-24T16:00:00Z')),
    ).toEqual({
      at: '2026-10-25T11:00:00.000Z',
      daysAhead: 1,
      label: 'Ready tomorrow at 11:00',
    });
  });

  it('counts elapsed time across the spring clock change', () => {
    // Sunday 29 Mar 2026 00:30 GMT + 12 h = 13:30 BST (the clock skipped an hour).
    expect(
      computeReadyBy({ hours: riverside, timeZone: london, leadMinutes: 720, cutoffMinutes: 0 }, new Date('2026-03-29T00:30:00Z'))?.label,
    ).toBe('Ready today from 13:30');
  });

  it('crosses midnight into tomorrow in the store’s time zone', () => {
    const allDay = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '08:00', close: '22:00' }));
    // 21:30 in Tokyo + 60 min → 22:30, after closing → 08:00 next day.
    expect(
      computeReadyBy({ hours: allDay, timeZone: 'Asia/Tokyo', leadMinutes: 60, cutoffMinutes: 0 }, new Date('2026-06-03T12:30:00Z')),
    ).toMatchObject({
      at: '2026-06-03T23:00:00.000Z',
      label: 'Ready tomorrow at 08:00',
    });
  });

  it('gives no promise for a store with no opening hours', () => {
    expect(computeReadyBy({ hours: [], timeZone: london, leadMinutes: 60, cutoffMinutes: 0 }, new Date('2026-06-03T12:00:00Z'))).toBeNull();
  });

  // Issue 19: Covent Garden closes at 18:00 on Sundays; with a 90-minute lead it promised "Ready today from 17:55".
  const coventGarden: OpeningHours = [
    { day: 0, open: '12:00', close: '18:00' },
    ...[1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '10:00', close: '21:00' })),
  ];
  const clock = { hours: coventGarden, timeZone: london, leadMinutes: 90, cutoffMinutes: 30 };

  it('never promises a time after the last collection, 30 minutes before closing', () => {
    // Sunday 7 June 2026, 16:25 BST + 90 min = 17:55: past the 17:30 last collection, so Monday at opening.
    expect(computeReadyBy(clock, new Date('2026-06-07T15:25:00Z'))).toEqual({
      at: '2026-06-08T09:00:00.000Z',
      daysAhead: 1,
      label: 'Ready tomorrow at 10:00',
    });
    // Ten minutes earlier the promise ends before the last collection, so it stays today.
    expect(computeReadyBy(clock, new Date('2026-06-07T14:55:00Z'))?.label).toBe('Ready today from 17:25');
  });

  it('uses the store’s own last collection time', () => {
    expect(computeReadyBy({ ...clock, cutoffMinutes: 0 }, new Date('2026-06-07T15:25:00Z'))?.label).toBe('Ready today from 17:55');
    expect(computeReadyBy({ ...clock, cutoffMinutes: 60 }, new Date('2026-06-07T14:55:00Z'))?.label).toBe('Ready tomorrow at 10:00');
  });

  it('skips a day whose hours are shorter than the last collection margin', () => {
    const shortSunday: OpeningHours = [{ day: 0, open: '12:00', close: '12:20' }, ...coventGarden.slice(1)];
    // Sunday 09:00 BST: the 12:00–12:20 opening ends before the 30-minute margin allows a collection.
    expect(computeReadyBy({ ...clock, hours: shortSunday }, new Date('2026-06-07T08:00:00Z'))?.label).toBe('Ready tomorrow at 10:00');
  });
});
