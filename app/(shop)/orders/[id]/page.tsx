import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrderView } from '@/components/orders/order-view';
import { RecommendationShelves } from '@/components/recommendations/recommendation-shelves';
import { OrderError } from '@/lib/orders/errors';
import { orderIdSchema } from '@/lib/orders/schemas';
import { getOrderPageData, type OrderPageData } from '@/lib/orders/page-data';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

async function load(id: string): Promise<OrderPageData> {
  const parsed = orderIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  try {
    return await getOrderPageData(parsed.data);
  } catch (error) {
    if (error instanceof OrderError && error.code === 'order_not_found') notFound();
    throw error;
  }
}

// Where checkout lands: visible to the device that placed the order (its receipt), the owner, and the store's staff.
export default async function OrderPage({ params }: PageProps<'/orders/[id]'>) {
  const data = await load((await params).id);
  const heading =
    data.order.status === 'PENDING' ? 'Almost there' : data.order.status === 'CANCELLED' ? 'Order cancelled' : 'Thank you for your order';
  return (
    <div className="flex flex-col gap-10">
      <OrderView data={data} heading={heading} />
      {data.order.status !== 'CANCELLED' && (
        <RecommendationShelves context="order" orderId={data.order.id} slots={[{ title: 'Goes well with your order' }]} />
      )}
    </div>
  );
}
