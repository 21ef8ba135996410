// GET /api/v1/admin/analytics/{table} – one table of the analytics dashboard as CSV (admins only)
import { z } from 'zod';
import { tableToCsv } from '@/lib/analytics/csv';
import { loadTable } from '@/lib/analytics/dashboard';
import { analyticsQuerySchema, toFilter } from '@/lib/analytics/filters';
import { TABLE_IDS } from '@/lib/analytics/types';
import { route } from '@/lib/api/route';
import { getSessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

const spec = {
  params: z.object({ table: z.enum(TABLE_IDS) }),
  invalidParams: () => new AppError(404, 'not_found', 'There is no such table.'),
  query: analyticsQuerySchema,
  invalid: 'The date range or filter is not valid.',
  label: 'analytics-csv',
};

export const GET = route(spec, async ({ params, query }) => {
  const filter = toFilter(query);
  const table = await loadTable(await getSessionUser(), params.table, filter);
  return new Response(tableToCsv(table), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${table.id}_${filter.from}_${filter.to}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
