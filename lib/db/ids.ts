import { randomUUID } from 'node:crypto';

// An id made in the app instead of by Prisma's cuid(), for a row whose id is needed before it is written (a raw
// upsert, a hash bound to the id): the prefix and 32 hex digits. No 'server-only', so the command-line tools can use it.
export function newRowId(prefix: string): string {
  return `${prefix}${randomUUID().replaceAll('-', '')}`;
}
