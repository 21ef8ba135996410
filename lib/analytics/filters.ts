import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EventChannel } from '@/lib/generated/prisma/enums';
import { rowId } from '@/lib/validation/text';
import { CHANNELS } from './channel';

const DAY_MS = 24 * 60 * 60_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

// The dashboard's query string (a GET form, so every view is a link and each CSV export repeats it).
export const analyticsQuerySchema = z
  .object({
    from: z.preprocess(blankToUndefined, z.iso.date('Use a date like 2026-12-01').optional()),
    to: z.preprocess(blankToUndefined, z.iso.date('Use a date like 2026-12-31').optional()),
    channel: z.preprocess(blankToUndefined, z.enum(CHANNELS as [EventChannel, ...EventChannel[]]).optional()),
    store: z.preprocess(blankToUndefined, rowId('Not a store id').optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'The start date must be on or before the end date.', path: ['from'] });
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** Whole UTC days from `from` to `to` inclusive (`end` is the midnight after `to`). */
export type AnalyticsFilter = { start: Date; end: Date; from: string; to: string; channel: EventChannel | null; storeId: string | null };

export function toFilter(query: AnalyticsQuery, now: Date = new Date()): AnalyticsFilter {
  const today = now.toISOString().slice(0, 10);
  const to = query.to ?? today;
  const end = new Date(Date.parse(to) + DAY_MS);
  const earliest = new Date(end.getTime() - MAX_DAYS * DAY_MS).toISOString().slice(0, 10);
  const fallback = new Date(end.getTime() - DEFAULT_DAYS * DAY_MS).toISOString().slice(0, 10);
  const from = query.from && query.from > earliest ? query.from : query.from ? earliest : fallback;
  return { start: new Date(Date.parse(from)), end, from, to, channel: query.channel ?? null, storeId: query.store ?? null };
}

/** `occurredAt` within the range, and the channel and store when chosen, for events aliased `alias`. */
export function eventScope(f: AnalyticsFilter, alias = 'e', { channel = true, store = true } = {}): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${a}."occurredAt" >= ${f.start} AND ${a}."occurredAt" < ${f.end}
    ${channel && f.channel ? Prisma.sql`AND ${a}."channel" = ${f.channel}::"EventChannel"` : Prisma.empty}
    ${store && f.storeId ? Prisma.sql`AND ${a}."storeId" = ${f.storeId}` : Prisma.empty}`;
}

export function filterParams(f: AnalyticsFilter): URLSearchParams {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.channel) params.set('channel', f.channel);
  if (f.storeId) params.set('store', f.storeId);
  return params;
}
