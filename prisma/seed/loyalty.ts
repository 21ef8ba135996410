// The demo shopper's Northwind Rewards history, in both channels, written as the app writes it (lib/loyalty): a
// welcome credit, points earned on each of their seeded orders (pending for 30 days, then spendable), points earned on
// a sale at the Covent Garden till and some spent at its counter. Balance and pending are the sums of the entries, so
// `npm run loyalty:check` passes on a fresh seed. Pure: the caller inserts the rows.
import { seedId } from './random';

const DAY = 24 * 60 * 60_000;
const PENDING_DAYS = 30;

type Order = {
  id: string;
  userId: string;
  channel: string;
  pickupLocationId: string | null;
  subtotalMinor: number;
  discountMinor: number;
  paidAt: Date;
};
type Entry = {
  id: string;
  accountId: string;
  kind: 'EARN' | 'REDEEM' | 'ADJUST';
  points: number;
  pendingPoints: number;
  channel: 'ONLINE' | 'IN_STORE';
  orderId: string | null;
  storeId: string | null;
  staffUserId: string | null;
  idempotencyKey: string;
  availableAt: Date | null;
  expiresAt: Date | null;
  shortfall: number;
  note: string | null;
  createdAt: Date;
};

// End of the month 12 months after `at` (lib/loyalty/programme.ts expiresAtFor).
const expiresAt = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 13, 1));

export function buildLoyaltyHistory(options: {
  userId: string;
  orders: readonly Order[];
  storeId: string | null;
  staffUserId: string | null;
  now: Date;
}) {
  const { userId, orders, storeId, staffUserId, now } = options;
  const accountId = seedId('lac', 1);
  const entries: Entry[] = [];
  const base = {
    accountId,
    orderId: null,
    storeId: null,
    staffUserId: null,
    shortfall: 0,
    note: null,
    availableAt: null,
    expiresAt: null,
    pendingPoints: 0,
  };
  const add = (e: Partial<Entry> & Pick<Entry, 'kind' | 'points' | 'channel' | 'idempotencyKey' | 'createdAt'>) =>
    entries.push({ ...base, ...e, id: seedId('len', entries.length + 1) });
  const earn = (key: string, points: number, at: Date, more: Partial<Entry> & Pick<Entry, 'channel'>) => {
    const availableAt = new Date(at.getTime() + PENDING_DAYS * DAY);
    add({ ...more, kind: 'EARN', points, pendingPoints: points, availableAt, idempotencyKey: `earn:${key}`, createdAt: at });
    if (availableAt <= now)
      add({
        ...more,
        kind: 'EARN',
        points: 0,
        pendingPoints: -points,
        availableAt,
        expiresAt: expiresAt(availableAt),
        idempotencyKey: `mature:seed-${key}`,
        note: 'available',
        createdAt: availableAt,
      });
  };

  const welcome = new Date(now.getTime() - 160 * DAY);
  add({
    kind: 'ADJUST',
    points: 2_000,
    channel: 'ONLINE',
    idempotencyKey: 'seed:welcome',
    expiresAt: expiresAt(welcome),
    note: 'Welcome points',
    createdAt: welcome,
  });
  for (const o of orders) {
    const points = Math.floor(Math.max(0, o.subtotalMinor - o.discountMinor) / 100);
    if (points > 0)
      earn(o.id, points, o.paidAt, {
        channel: o.channel === 'IN_STORE' ? 'IN_STORE' : 'ONLINE',
        orderId: o.id,
        storeId: o.pickupLocationId,
      });
  }
  if (storeId) {
    earn('seed-till-1', 64, new Date(now.getTime() - 75 * DAY), { channel: 'IN_STORE', storeId, staffUserId, note: 'In-store sale' });
    add({
      kind: 'REDEEM',
      points: -500,
      channel: 'IN_STORE',
      storeId,
      staffUserId,
      idempotencyKey: 'counter:seed-1',
      createdAt: new Date(now.getTime() - 20 * DAY),
    });
  }
  entries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const pending = entries.reduce((sum, e) => sum + e.pendingPoints, 0);
  const balance = entries.reduce((sum, e) => sum + e.points, 0) - pending;
  return { account: { id: accountId, userId, balance, pending, createdAt: welcome, updatedAt: now }, entries };
}
