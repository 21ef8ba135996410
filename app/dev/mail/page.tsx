import type { Metadata } from 'next';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { listOutboxMessages } from '@/lib/notifications/outbox';

export const metadata: Metadata = { title: 'Development outbox', robots: { index: false } };

const linkPattern = /(https?:\/\/[^\s]+)/g;

// E-mails the app "sent" while no SMTP server is configured. Only served in development and demo
// mode, or with DEV_MAIL_ENABLED=true.
export default async function DevMailPage() {
  await connection();
  if (!env.devMailEnabled) notFound();
  const messages = await listOutboxMessages({ limit: 50 });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">Development outbox</h1>
      <p className="text-muted">Newest first. Nothing here was really sent.</p>
      {messages.length === 0 && <p>No messages yet.</p>}
      <ol className="flex flex-col gap-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded border border-border p-4" data-testid="outbox-message">
            <p className="text-sm text-muted">
              To <strong className="text-ink">{m.to}</strong> · {m.createdAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}
            </p>
            <h2 className="font-semibold">{m.subject}</h2>
            <p className="break-words whitespace-pre-wrap">
              {m.text.split(linkPattern).map((part, i) =>
                i % 2 === 1 ? (
                  <a key={i} href={part} className="text-brand underline">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </p>
            {m.html && (
              <details className="mt-3">
                <summary className="inline-flex min-h-11 items-center text-brand underline">HTML version</summary>
                {/* sandbox: the e-mail's HTML runs no script and gets no access to this origin; its images are data: URLs. */}
                <iframe
                  sandbox=""
                  srcDoc={m.html}
                  title={`HTML version of ${m.subject}`}
                  className="mt-2 h-[36rem] w-full rounded border border-border bg-white"
                />
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
