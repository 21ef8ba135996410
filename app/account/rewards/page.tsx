import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { LedgerList } from '@/components/loyalty/ledger-list';
import { MemberCard } from '@/components/loyalty/member-card';
import { RewardsSummary } from '@/components/loyalty/rewards-summary';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { getLoyaltySummary, listLedger } from '@/lib/loyalty/account';
import { memberCard } from '@/lib/loyalty/member-card';
import { ledgerQuerySchema } from '@/lib/loyalty/schemas';

export const metadata: Metadata = { title: 'Northwind Rewards', robots: { index: false } };

// Ten entries a page here (the API's pages are longer): on a phone the history is below the member card, and each
// entry is markup, payload and a link for the page to parse, lay out and hydrate before it is ready to use.
const LEDGER_PAGE = 10;

// The heading and the programme's one-line rules go out as soon as the session is checked; the member's points, card
// and history follow in the same response once their queries are back (the page's first byte no longer waits for
// them). The placeholder holds the rest of the screen meanwhile, so nothing in view moves when they arrive.
export default async function RewardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in?callbackUrl=/account/rewards');
  const query = ledgerQuerySchema.safeParse(await searchParams);
  const cursor = query.success ? (query.data.cursor ?? null) : null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8">
      <div>
        <Link href="/account" className="text-sm underline">
          Account
        </Link>
        <h1 className="text-2xl font-semibold">Northwind Rewards</h1>
        <p className="text-muted">1 point for every £1, online and in store. 100 points = £1 off.</p>
      </div>
      <Suspense fallback={<div className="min-h-[80vh]" />}>
        <MemberRewards user={user} cursor={cursor} />
      </Suspense>
    </div>
  );
}

async function MemberRewards({ user, cursor }: { user: SessionUser; cursor: string | null }) {
  const [summary, ledger, card] = await Promise.all([
    getLoyaltySummary(user.id),
    listLedger(user.id, cursor, LEDGER_PAGE),
    memberCard(user.id),
  ]);
  return (
    <>
      <RewardsSummary summary={summary} />
      <MemberCard name={user.name} token={card.token} code={card.code} qrSvg={card.svg} />
      <section aria-labelledby="ledger-heading" className="flex flex-col gap-3">
        <h2 id="ledger-heading" className="text-lg font-semibold">
          Points history
        </h2>
        <LedgerList entries={ledger.entries} nextHref={ledger.nextCursor ? `/account/rewards?cursor=${ledger.nextCursor}` : null} />
      </section>
    </>
  );
}
