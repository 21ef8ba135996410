import type { Metadata } from 'next';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { listOutboxMessages } from '@/lib/notifications/outbox';
import { LiveRefresh } from './live-refresh';

export const metadata: Metadata = { title: 'Development outbox', robots: { index: false } };

const linkPattern = /(https?:\/\/[^\s]+)/g;

// E-mails and text messages the app "sent" while no SMTP server (or Twilio account) is configured. Only served in development and demo
// mode, or with DEV_MAIL_ENABLED=true.
export default async function DevMailPage() {
  await connection();
  if (!env.devMailEnabled) notFound();
  const messages = await listOutboxMessages({ limit: 50 });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <LiveRefresh />
      <h1 className="text-2xl font-semibold">Development outbox</h1>
      <p className="text-muted">E-mails and text messages, newest first. Nothing here was really sent.</p>
      {messages.length === 0 && <p>No messages yet.</p>}
      <ol className="flex flex-col gap-4">
        {messages.map((m) =>
          m.channel === 'sms' ? (
            <li key={m.id} className="rounded border border-border p-4" data-testid="outbox-message" data-channel="sms">
              <p className="text-sm text-muted">
                Text message to <strong className="text-ink">{m.to}</strong> ·{' '}
                {m.createdAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}
              </p>
              {/* As a phone shows it: one grey bubble from the sender. */}
              <p className="mt-2 max-w-xs rounded-2xl rounded-bl-sm bg-stone-200 px-4 py-2 break-words whitespace-pre-wrap text-ink">
                {m.text}
              </p>
            </li>
          ) : (
            <li key={m.id} className="rounded border border-border p-4" data-testid="outbox-message" data-channel="email">
              <p className="text-sm text-muted">
                To <strong className="text-ink">{m.to}</strong> · {m.createdAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}
              </p>
              <h2 className="font-semibold">{m.subject}</h2>
              {m.headers && (
                <p className="text-xs break-all text-muted">
                  {Object.entries(m.headers)
                    .map(([name, value]) => `${name}: ${value}`)
                    .join(' · ')}
                </p>
              )}
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
          ),
        )}
      </ol>
    </div>
  );
}
