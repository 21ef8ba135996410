import 'server-only';
import { db } from '@/lib/db';

export type OutboxEntry = {
  id: string;
  channel: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string> | null;
  createdAt: Date;
};

export async function listOutboxMessages({ to, limit = 50 }: { to?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
  const rows = await db.outboxMessage.findMany({
    where: to ? { to: to.toLowerCase() } : {},
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, channel: true, to: true, subject: true, text: true, html: true, headers: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, headers: (r.headers as Record<string, string> | null) ?? null }));
}
