import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderLookupForm } from '@/components/orders/order-lookup-form';

export const metadata: Metadata = { title: 'Find your order', robots: { index: false } };

export default function OrderLookupPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">Find your order</h1>
        <p className="text-muted">Enter the order number from your confirmation e-mail and the e-mail address you ordered with.</p>
      </div>
      <OrderLookupForm />
      <p className="text-sm text-muted">
        Have an account?{' '}
        <Link href="/account/orders" className="underline">
          See all your orders
        </Link>
      </p>
    </div>
  );
}
