import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { decodeCursor, encodeCursor } from './queue-cursor';
import { queueRows, TAB_STATE, type QueueScope } from './queue-scope';
import { QUEUE_TABS, type QueueTab } from './queue-tabs';

const { sql, join, empty } = Prisma;

// Each tab's count in one grouped read: an order counts under its status's tab, and under Problems as well.
export async function queueCounts(s: QueueScope): Promise<Record<QueueTab, number>> {
  const groups = await db.$queryRaw<{ state: string; problem: boolean; n: number }[]>(
    sql`SELECT state, problem, count(*)::int AS n FROM (${queueRows(s)}) q GROUP BY state, problem`,
  );
  const counts = Object.fromEntries(QUEUE_TABS.map((t) => [t, 0])) as Record<QueueTab, number>;
  for (const { state, problem, n } of groups) {
    const tab = QUEUE_TABS.find((t) => t !== 'problems' && TAB_STATE[t] === state);
    if (tab) counts[tab] += n;
    if (problem) counts.problems += n;
  }
  return counts;
}

// One page of a tab's order ids, in the tab's order: most urgent promised ready-by first (the whole queue when no
// tab is named), the latest collected first on Collected today.
export async function queuePageIds(s: QueueScope, tab: QueueTab | null, limit: number, cursor: string | undefined) {
  const newestFirst = tab === 'collected';
  const key = newestFirst ? sql`q."doneKey"` : sql`q."readyKey"`;
  const where: Prisma.Sql[] = [];
  if (tab === 'problems') where.push(sql`q.problem`);
  else if (tab) where.push(sql`q.state = ${TAB_STATE[tab]}`);
  if (cursor) {
    const after = decodeCursor(cursor);
    where.push(newestFirst ? sql`(${key}, q.id) < (${after.at}, ${after.id})` : sql`(${key}, q.id) > (${after.at}, ${after.id})`);
  }
  const order = newestFirst ? sql`ORDER BY ${key} DESC, q.id DESC` : sql`ORDER BY ${key}, q.id`;
  const rows = await db.$queryRaw<{ id: string; key: Date }[]>(sql`
    SELECT q.id, ${key} AS key FROM (${queueRows(s)}) q
    ${where.length ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ${order} LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { ids: page.map((r) => r.id), nextCursor: rows.length > limit && last ? encodeCursor(last.key, last.id) : null };
}
