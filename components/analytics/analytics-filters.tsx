import type { StoreOption } from '@/lib/analytics/dashboard';
import type { AnalyticsFilter } from '@/lib/analytics/filters';
import { CHANNEL_LABEL, CHANNELS } from '@/lib/analytics/channel';
import { buttonClassName } from '@/components/ui/button';

const field = 'min-h-11 rounded border border-border bg-surface px-3 text-base';

// A plain GET form: every view of the dashboard is a link, and works without JavaScript.
export function AnalyticsFilters({ filter, stores, error }: { filter: AnalyticsFilter; stores: StoreOption[]; error?: string }) {
  return (
    <form
      method="get"
      action="/admin/analytics"
      className="flex flex-wrap items-end gap-4"
      aria-describedby={error ? 'filter-error' : undefined}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="from" className="font-medium">
          From
        </label>
        <input id="from" name="from" type="date" defaultValue={filter.from} className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="to" className="font-medium">
          To
        </label>
        <input id="to" name="to" type="date" defaultValue={filter.to} className={field} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="channel" className="font-medium">
          Channel
        </label>
        <select id="channel" name="channel" defaultValue={filter.channel ?? ''} className={field}>
          <option value="">All channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="store" className="font-medium">
          Store
        </label>
        <select id="store" name="store" defaultValue={filter.storeId ?? ''} className={field}>
          <option value="">All stores and delivery</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClassName('primary')}>
        Show
      </button>
      {error && (
        <p id="filter-error" role="alert" className="w-full text-danger">
          {error}
        </p>
      )}
    </form>
  );
}
