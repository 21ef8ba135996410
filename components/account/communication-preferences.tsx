'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { apiSend } from '@/lib/api/client';

export type ConsentRow = {
  channel: 'email' | 'sms';
  topic: 'orders' | 'bag_reminders' | 'offers';
  granted: boolean;
  required: boolean;
  phone: string | null;
  changedAt: string | null;
};

const topicLabels: Record<ConsentRow['topic'], string> = {
  orders: 'Order and pickup updates',
  bag_reminders: 'Reminders about items left in your bag',
  offers: 'Offers and news',
};
const channelLabels: Record<ConsentRow['channel'], string> = { email: 'By e-mail', sms: 'By text message' };

// One switch per channel × topic, saved as it is changed (PUT /api/v1/account/consent). Text messages need a mobile
// number: the one given before, or one typed here.
export function CommunicationPreferences({ initial }: { initial: ConsentRow[] }) {
  // A switch flipped before the page's script runs would change on screen and save nothing: they wait for it.
  const hydrated = useHydrated();
  const [rows, setRows] = useState(initial);
  const [phone, setPhone] = useState(initial.find((r) => r.phone)?.phone ?? '');
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function change(row: ConsentRow, granted: boolean) {
    const key = `${row.channel}:${row.topic}`;
    const before = rows;
    // The switch moves at once; it moves back if the server refuses.
    setRows(rows.map((r) => (r.channel === row.channel && r.topic === row.topic ? { ...r, granted } : r)));
    setSaving(key);
    setError(null);
    setSaved(null);
    const body = {
      channel: row.channel,
      topic: row.topic,
      granted,
      ...(row.channel === 'sms' && granted && phone.trim() ? { phone } : {}),
    };
    const result = await apiSend<{ consents: ConsentRow[] }>('PUT', '/api/v1/account/consent', body);
    setSaving(null);
    if (!result.ok) {
      setRows(before);
      setError(result.issues[0]?.message ?? result.message);
      return;
    }
    setRows(result.data.consents);
    setSaved(`${channelLabels[row.channel]}: ${topicLabels[row.topic].toLowerCase()} ${granted ? 'on' : 'off'}.`);
  }

  return (
    <div className="flex flex-col gap-4">
      {(['email', 'sms'] as const).map((channel) => (
        <fieldset key={channel} className="flex flex-col gap-1 rounded border border-border p-4">
          <legend className="px-1 font-medium">{channelLabels[channel]}</legend>
          {channel === 'sms' && (
            <label className="flex flex-col gap-1 pb-2 text-sm">
              Mobile number
              <input
                type="tel"
                name="sms-phone"
                inputMode="tel"
                autoComplete="tel"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                placeholder="07911 123456"
                className="min-h-11 rounded border border-border px-3 text-base"
              />
            </label>
          )}
          {rows
            .filter((r) => r.channel === channel)
            .map((row) => (
              <label key={row.topic} className="flex min-h-11 items-center justify-between gap-4">
                <span>
                  {topicLabels[row.topic]}
                  {row.required && <span className="block text-sm text-muted">Always sent: they are about your orders.</span>}
                </span>
                <input
                  type="checkbox"
                  role="switch"
                  className="size-6 accent-brand"
                  checked={row.granted}
                  disabled={!hydrated || row.required || saving !== null}
                  aria-label={`${topicLabels[row.topic]} ${channelLabels[channel].toLowerCase()}`}
                  onChange={(e) => void change(row, e.target.checked)}
                />
              </label>
            ))}
        </fieldset>
      ))}
      <p role="status" aria-live="polite" className="text-sm">
        {error ? <span className="text-danger">{error}</span> : saved}
      </p>
    </div>
  );
}
