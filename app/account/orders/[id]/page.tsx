import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { OrderView } from '@/components/orders/order-view';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { getSessionUser } from '@/lib/auth/session';
import { OrderError } from '@/lib/orders/errors';
import { orderIdSchema } from '@/lib/orders/schemas';
import { getAccountOrderPageData } from '@/lib/orders/page-data';

export const metadata: Metadata = { title: 'Order details', robots: { index: false } };

export default async function AccountOrderPage({ params }: PageProps<'/account/orders/[id]'>) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=/account/orders/${encodeURIComponent(id)}`);
  const parsed = orderIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  const data = await getAccountOrderPageData(user, parsed.data).catch((error: unknown) => {
    if (error instanceof OrderError && error.code === 'order_not_found') notFound();
    throw error;
  });
  return (
    <div className="flex flex-col gap-4">
      <div className="mx-auto w-full max-w-2xl">
        <Breadcrumbs
          items={[{ label: 'Account', href: '/account' }, { label: 'Orders', href: '/account/orders' }, { label: data.order.number }]}
        />
      </div>
      <OrderView data={data} heading={`Order ${data.order.number}`} />
    </div>
  );
}
