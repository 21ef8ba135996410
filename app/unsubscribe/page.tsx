import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClassName } from '@/components/ui/button';
import { readUnsubscribeToken } from '@/lib/messaging/unsubscribe';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

const topicNames: Record<string, string> = { bag_reminders: 'bag reminders', offers: 'offers and news' };

// The link in a reminder or offer e-mail lands here. Opening it changes nothing (mail scanners open links); the
// button does, through the same one-click endpoint a mail client's own Unsubscribe button uses.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const done = typeof params.done === 'string' ? topicNames[params.done] : undefined;
  if (done)
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4">
        <h1 className="text-2xl font-semibold">You are unsubscribed</h1>
        <p>We will not send you {done} by e-mail any more.</p>
        <Link href="/account" className="inline-flex min-h-11 items-center font-medium underline">
          Communication preferences in your account
        </Link>
      </div>
    );
  const token = typeof params.token === 'string' ? params.token : '';
  const target = token ? readUnsubscribeToken(token) : null;
  if (!target || target.topic === 'ORDERS')
    return (
      <div className="mx-auto flex max-w-md flex-col gap-4">
        <h1 className="text-2xl font-semibold">This link does not work</h1>
        <p>It may have been cut short. You can change what we send you in your account.</p>
      </div>
    );
  const topic = topicNames[target.topic.toLowerCase()];
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-semibold">Unsubscribe from {topic}?</h1>
      <p>
        We will stop sending {topic} to <strong>{target.email}</strong>. Order and pickup e-mails still reach you.
      </p>
      <form method="post" action={`/api/v1/messaging/unsubscribe?token=${encodeURIComponent(token)}`}>
        <button type="submit" className={buttonClassName()}>
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
