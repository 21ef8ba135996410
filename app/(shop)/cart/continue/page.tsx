import type { Metadata } from 'next';
import { ClaimCartTransfer } from '@/components/cart/claim-cart-transfer';
import { claimTransferSchema } from '@/lib/cart/schemas';

export const metadata: Metadata = { title: 'Continue with your bag', robots: { index: false } };

export default async function ContinuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = claimTransferSchema.safeParse({ token: (await searchParams).token });
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4 py-6">
      <h1 className="text-2xl font-semibold">Continue with your bag</h1>
      {parsed.success ? (
        <>
          <p>Open the bag you started on your other device. Anything already in your bag here is kept.</p>
          <ClaimCartTransfer token={parsed.data.token} />
        </>
      ) : (
        <p role="alert">This link is not complete. Scan the code again or ask for a new link.</p>
      )}
    </div>
  );
}
