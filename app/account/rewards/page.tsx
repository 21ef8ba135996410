import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LedgerList } from '@/components/loyalty/ledger-list';
import { MemberCard } from '@/components/loyalty/member-card';
import { RewardsSummary } from '@/components/loyalty/rewards-summary';
import { getSessionUser } from '@/lib/auth/session';
import { getLoyaltySummary, listLedger } from '@/lib/loyalty/account';
import { memberCard } from '@/lib/loyalty/member-card';
import { ledgerQuerySchema } from '@/lib/loyalty/schemas';

export const metadata: Metadata = { title: 'Northwind Rewards', robots: { index: false } };

export default async function RewardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/account/rewards');
  const query = ledgerQuerySchema.safeParse(await searchParams);
  const cursor = query.success ? (query.data.cursor ?? null) : null;
  const [summary, ledger, card] = await Promise.all([getLoyaltySummary(user.id), listLedger(user.id, cursor), memberCard(user.id)]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <div>
        <Link href="/account" className="text-sm underline">
          Account
        </Link>
        <h1 className="text-2xl font-semibold">Northwind Rewards</h1>
        <p className="text-muted">1 point for every £1, online and in store. 100 points = £1 off.</p>
      </div>
      <RewardsSummary summary={summary} />
      <MemberCard name={user.name} token={card.token} code={card.code} qrSvg={card.svg} />
      <section aria-labelledby="ledger-heading" className="flex flex-col gap-3">
        <h2 id="ledger-heading" className="text-lg font-semibold">
          Points history
        </h2>
        <LedgerList entries={ledger.entries} nextHref={ledger.nextCursor ? `/account/rewards?cursor=${ledger.nextCursor}` : null} />
      </section>
    </div>
  );
}
