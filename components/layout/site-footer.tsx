import Link from 'next/link';
import { listCategories } from '@/lib/catalog/catalog';
import { SHIPPING } from '@/lib/checkout/totals';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/utils';

export async function SiteFooter() {
  const categories = await listCategories();
  return (
    <footer className="mt-16 border-t border-border bg-surface-alt">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-3 lg:px-6">
        <div>
          <p className="font-bold">Northwind Supply</p>
          <p className="mt-2 max-w-xs text-sm text-muted">
            Outdoor and everyday clothing and homeware, made to last. Shop online, or pick up today from one of our London stores.
          </p>
        </div>
        <nav aria-label="Shop">
          <p className="font-semibold">Shop</p>
          <ul className="mt-2 grid grid-cols-2 gap-x-4 text-sm">
            {categories.map((c) => (
              <li key={c.id}>
                <Link href={`/c/${c.slug}`} className="inline-flex min-h-11 items-center hover:underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="text-sm text-muted">
          <p className="font-semibold text-ink">Help</p>
          <p className="mt-2">
            Free delivery from {formatMoney(SHIPPING.freeFromMinor, env.SHOP_CURRENCY, { compact: true })}. Free returns within 30 days,
            online or in store.
          </p>
          <Link href="/orders/lookup" className="inline-flex min-h-11 items-center text-ink underline">
            Find your order
          </Link>
          <p className="mt-2">© {new Date().getFullYear()} Northwind Supply Ltd, London</p>
        </div>
      </div>
    </footer>
  );
}
