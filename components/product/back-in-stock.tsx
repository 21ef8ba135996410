'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { apiSend } from '@/lib/api/client';
import { cn } from '@/lib/utils';

type Note = { text: string; error?: boolean };

// "E-mail me when it's back" for a sold-out option, in place of Add to cart. The request is kept
// (lib/back-in-stock) and the e-mail is sent by messaging once the option is in stock again.
// `missing`: what the shopper still has to choose before the option is known ("size").
export function BackInStock({ variantId, missing }: { variantId: string | null; missing: string }) {
  const inputId = useId();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!variantId) return setNote({ text: `Choose a ${missing} first.`, error: true });
    setBusy(true);
    const result = await apiSend<undefined>(
      'POST',
      '/api/v1/back-in-stock',
      { email, variantId },
      { fallback: 'We could not save your request. Please try again.' },
    );
    setBusy(false);
    setNote(result.ok ? { text: `Thanks: we will e-mail ${email.trim()} when it is back.` } : { text: result.message, error: true });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-2" data-testid="back-in-stock">
      <label htmlFor={inputId} className="text-sm font-medium">
        Your e-mail
      </label>
      <input
        id={inputId}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        className="h-11 w-full rounded border border-border bg-surface px-3"
      />
      <Button type="submit" className="h-12" aria-busy={busy} disabled={busy}>
        E-mail me when it’s back
      </Button>
      <p role="status" className={cn('min-h-5 text-sm', note?.error ? 'font-medium text-danger' : 'text-success')}>
        {note?.text}
      </p>
    </form>
  );
}
