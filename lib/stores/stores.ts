import 'server-only';
import { db } from '@/lib/db';
import { findStores as findStoresWith, readMyStore, readStoreView, writeMyStore, type FindStoresInput } from './store-queries';

export type { FindStoresInput } from './store-queries';
export async function findStores(input: FindStoresInput) {
  return findStoresWith(db, input);
}

export async function getStore(id: string, now?: Date) {
  return readStoreView(db, id, now);
}

export async function getMyStore(input: { userId?: string | null; cookieStoreId?: string | null; now?: Date }) {
  return readMyStore(db, input);
}

export async function setMyStore(input: { storeId: string | null; userId?: string | null }) {
  return writeMyStore(db, input);
}
