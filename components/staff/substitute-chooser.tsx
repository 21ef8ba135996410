'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { apiGet, apiSend } from '@/lib/api/client';
import type { PickupCard, SubstituteOption } from '@/lib/pickup/schemas';
import { cn, formatMoney } from '@/lib/utils';

type Line = PickupCard['lines'][number];
type Props = { orderId: string; line: Line; disabled: boolean; onChange: (card: PickupCard, message: string) => void };

const NONE = 'none';

// "Can't find" on a line being picked: a dialog offers what the store has instead (the same product in another size or
// colour first, then similar products), or nothing; the shopper is then asked on their order page. Pressed again, the
// line is looked for again (the question is withdrawn).
export function SubstituteChooser({ orderId, line, disabled, onChange }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [options, setOptions] = useState<SubstituteOption[] | null>(null);
  const [choice, setChoice] = useState<string>(NONE);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const short = line.picked === 'SHORT';

  async function open() {
    setError(undefined);
    dialog.current?.showModal();
    await loadOptions();
  }

  async function loadOptions() {
    setOptions(null);
    setChoice(NONE);
    const res = await apiGet<{ options: SubstituteOption[] }>(`/api/v1/staff/orders/${orderId}/substitutes?lineId=${line.id}`);
    if (res.ok) {
      setOptions(res.data.options);
      if (res.data.options[0]) setChoice(res.data.options[0].variantId);
    } else setError(res.message);
  }

  async function send(body: unknown, message: string) {
    setPending(true);
    setError(undefined);
    const res = await apiSend<{ order: PickupCard }>('POST', `/api/v1/staff/orders/${orderId}/pick`, body);
    setPending(false);
    if (!res.ok) {
      setError(res.message);
      // Someone took the last one meanwhile: show what the store has now.
      if (res.code === 'substitute_unavailable') await loadOptions();
      return;
    }
    dialog.current?.close();
    onChange(res.data.order, message);
  }

  function ask() {
    const chosen = options?.find((o) => o.variantId === choice);
    void send(
      { lines: [{ lineId: line.id, status: 'short', ...(chosen ? { substituteVariantId: chosen.variantId } : {}) }] },
      chosen
        ? `${line.name}: the shopper is asked about ${chosen.name} (${chosen.sku}).`
        : `${line.name}: the shopper is asked to drop it.`,
    );
  }

  return (
    <>
      <button
        type="button"
        aria-pressed={short}
        aria-haspopup={short ? undefined : 'dialog'}
        disabled={disabled || pending}
        onClick={() =>
          short ? void send({ lines: [{ lineId: line.id, status: 'unpicked' }] }, `${line.name}: looking again.`) : void open()
        }
        className={cn(
          'min-h-11 rounded border px-3 text-sm font-medium',
          short ? 'border-danger bg-danger/10 text-danger' : 'border-border',
        )}
      >
        Can&apos;t find<span className="sr-only">: {line.name}</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded border border-border bg-surface p-4 text-ink backdrop:bg-ink/40"
      >
        <form
          method="dialog"
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            ask();
          }}
        >
          <h2 id={headingId} className="text-lg font-semibold">
            Can&apos;t find {line.quantity} × {line.name}
          </h2>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">Offer the shopper instead</legend>
            {options === null && !error && <p className="text-muted">Looking at the store&apos;s stock…</p>}
            {options?.map((o) => (
              <label
                key={o.variantId}
                data-testid="substitute-option"
                className="flex min-h-11 items-center gap-3 rounded border border-border px-3 py-2"
              >
                <input
                  type="radio"
                  name="substitute"
                  className="size-5"
                  value={o.variantId}
                  checked={choice === o.variantId}
                  onChange={() => setChoice(o.variantId)}
                />
                <span className="flex-1">
                  {o.name}
                  {[o.color, o.size].filter(Boolean).length ? ` · ${[o.color, o.size].filter(Boolean).join(' · ')}` : ''}
                  <span className="block text-sm text-muted">
                    SKU {o.sku} · {formatMoney(o.priceMinor, o.currency)} · {o.available} in stock
                    {o.kind === 'similar' ? ' · similar product' : ''}
                  </span>
                </span>
              </label>
            ))}
            {options?.length === 0 && <p className="text-muted">Nothing like it is in stock here.</p>}
            <label className="flex min-h-11 items-center gap-3 rounded border border-border px-3 py-2">
              <input
                type="radio"
                name="substitute"
                className="size-5"
                value={NONE}
                checked={choice === NONE}
                onChange={() => setChoice(NONE)}
              />
              <span>Nothing: ask the shopper to drop it</span>
            </label>
          </fieldset>
          {error && <FormMessage state={{ ok: false, message: error }} />}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending || (options === null && !error)}>
              {pending ? 'Asking…' : 'Ask the shopper'}
            </Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

// Where a short line's question to the shopper stands, under the line on the card.
export function SubstitutionNote({ line }: { line: Line }) {
  const s = line.substitution;
  if (!s) return null;
  const text =
    s.status === 'PROPOSED'
      ? s.substitute
        ? `Waiting for the shopper: offered ${s.substitute.name} (SKU ${s.substitute.sku})`
        : 'Waiting for the shopper: asked to drop it'
      : s.status === 'ACCEPTED'
        ? 'Substitute accepted by the shopper'
        : null;
  if (!text) return null;
  return (
    <p data-testid="substitution-note" className={cn('basis-full text-sm', s.status === 'PROPOSED' ? 'text-danger' : 'text-success')}>
      {text}
    </p>
  );
}
