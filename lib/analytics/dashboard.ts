import 'server-only';
import { forbidden, unauthenticated } from '@/lib/auth/errors';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { collectedInStore, crossChannelPoints, crossDeviceBags } from './cross-channel';
import type { AnalyticsFilter } from './filters';
import { bagReminders, loyalty } from './loyalty';
import { pickupService, substitutions } from './pickup';
import { recommendationShelves } from './recommendations';
import { funnel, salesByChannel, salesByStore } from './sales';
import type { AnalyticsTable, TableId } from './types';

export type StoreOption = { id: string; name: string };

const LOADERS: Record<TableId, (f: AnalyticsFilter, stores: Map<string, string>) => Promise<AnalyticsTable>> = {
  'sales-by-channel': (f) => salesByChannel(f),
  'sales-by-store': salesByStore,
  funnel: (f) => funnel(f),
  'pickup-service': pickupService,
  substitutions: (f) => substitutions(f),
  loyalty: (f) => loyalty(f),
  recommendations: (f) => recommendationShelves(f),
  reminders: (f) => bagReminders(f),
  'cross-device': (f) => crossDeviceBags(f),
  'collected-in-store': collectedInStore,
  'cross-channel-points': (f) => crossChannelPoints(f),
};

// The dashboard is for admins only: every entry point checks the user it is given.
function assertAdmin(user: SessionUser | null) {
  if (!user) throw unauthenticated();
  if (user.role !== 'ADMIN') throw forbidden();
}

export async function listStores(): Promise<StoreOption[]> {
  return db.location.findMany({ where: { type: 'STORE' }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}

export async function loadDashboard(
  user: SessionUser | null,
  f: AnalyticsFilter,
): Promise<{ stores: StoreOption[]; tables: AnalyticsTable[] }> {
  assertAdmin(user);
  const stores = await listStores();
  const names = new Map(stores.map((s) => [s.id, s.name]));
  // One after another: each is one query, and a dashboard should not take the whole connection pool.
  const tables: AnalyticsTable[] = [];
  for (const load of Object.values(LOADERS)) tables.push(await load(f, names));
  return { stores, tables };
}

export async function loadTable(user: SessionUser | null, id: TableId, f: AnalyticsFilter): Promise<AnalyticsTable> {
  assertAdmin(user);
  const stores = await listStores();
  return LOADERS[id](f, new Map(stores.map((s) => [s.id, s.name])));
}
