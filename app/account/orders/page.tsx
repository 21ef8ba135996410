import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OrderHistoryList } from '@/components/orders/order-history-list';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { buttonClassName } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { getSessionUser } from '@/lib/auth/session';
import { listOrdersForUser } from '@/lib/orders/history';
import { historyPageSchema } from '@/lib/orders/schemas';

export const metadata: Metadata = { title: 'Your orders', robots: { index: false } };

export default async function AccountOrdersPage({ searchParams }: PageProps<'/account/orders'>) {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/account/orders');
  const history = await listOrdersForUser(user, historyPageSchema.parse((await searchParams).page));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <Breadcrumbs items={[{ label: 'Account', href: '/account' }, { label: 'Orders' }]} />
      <h1 className="text-2xl font-semibold">Your orders</h1>
      {history.items.length === 0 ? (
        <EmptyState title="No orders yet">
          <p>When you order online or in one of our stores with your account, it shows up here.</p>
          <Link href="/" className={buttonClassName('primary', 'mt-4')}>
            Start shopping
          </Link>
        </EmptyState>
      ) : (
        <>
          <OrderHistoryList orders={history.items} />
          <Pagination
            page={history.page}
            totalPages={history.totalPages}
            hrefFor={(p) => (p === 1 ? '/account/orders' : `/account/orders?page=${p}`)}
          />
        </>
      )}
    </div>
  );
}
