import 'server-only';
import { env } from '@/lib/env';
import { LocalBus, type EventListener } from './bus';
import { PostgresRelay } from './postgres';

// One bus per process, on globalThis so every route bundle (and hot reload) shares it.
// With the embedded database there is one process and PGlite's socket does not deliver NOTIFY
// between connections, so the in-process bus is the whole story; with a real PostgreSQL,
// LISTEN/NOTIFY carries events between instances.
type Events = { bus: LocalBus; relay: PostgresRelay | null };
const key = Symbol.for('northwind.events');
const g = globalThis as unknown as Record<symbol, Events | undefined>;

function events(): Events {
  let e = g[key];
  if (!e) {
    const bus = new LocalBus();
    e = { bus, relay: env.embedded ? null : new PostgresRelay(env.databaseUrl, bus) };
    g[key] = e;
  }
  return e;
}

export async function publishEvent(channel: string, payload: unknown): Promise<void> {
  const { bus, relay } = events();
  if (relay) await relay.publish(channel, payload);
  else bus.emit(channel, payload);
}

export async function subscribeEvent(channel: string, listener: EventListener): Promise<() => void> {
  const { bus, relay } = events();
  if (relay) await relay.start();
  return bus.subscribe(channel, listener);
}

export const cartChannel = (cartId: string) => `cart:${cartId}`;
