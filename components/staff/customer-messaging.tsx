import type { CustomerView } from '@/lib/pickup/schemas';

type Messaging = CustomerView['messaging'];

const TOPICS: Record<string, string> = { orders: 'Order and pickup updates', bag_reminders: 'Bag reminders', offers: 'Offers and news' };
const SOURCES: Record<string, string> = {
  checkout: 'at checkout',
  account: 'on their account',
  store: 'at the counter',
  unsubscribe: 'by unsubscribe link',
  sms_stop: 'by texting STOP',
};
const KINDS: Record<string, string> = {
  order_confirmation: 'Order confirmation',
  pickup_new_code: 'New pickup code',
  cancel_code: 'Code to cancel an order',
  substitution_request: 'Substitute offered',
  substitution_removed: 'Item removed, no answer',
  pickup_ready: 'Ready for pickup',
  pickup_collect_reminder: 'Not yet collected reminder',
  pickup_cancelled: 'Not collected, cancelled',
  bag_reminder: 'Bag reminder',
  back_in_stock: 'Back in stock',
  points_expiring: 'Points expiring',
};
const STATUSES: Record<string, string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  skipped: 'Not sent',
  failed: 'Failed',
};
const when = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

function ConsentCell({ state }: { state: Messaging['consents'][number] | undefined }) {
  if (!state) return <td>–</td>;
  if (state.required) return <td>Always on</td>;
  const changed = state.changedAt
    ? ` since ${when.format(new Date(state.changedAt))}${state.source ? `, ${SOURCES[state.source]}` : ''}`
    : '';
  return (
    <td>
      <span className="font-semibold">{state.granted ? 'On' : 'Off'}</span>
      {changed && <span className="text-muted">{changed}</span>}
    </td>
  );
}

// The shopper's consent per topic and channel, and the latest messages with what became of each (the 360° view).
export function CustomerMessaging({ messaging }: { messaging: Messaging }) {
  const find = (topic: string, channel: string) => messaging.consents.find((c) => c.topic === topic && c.channel === channel);
  return (
    <section aria-labelledby="customer-messaging" className="flex flex-col gap-2" data-testid="customer-messaging">
      <h3 id="customer-messaging" className="font-semibold">
        Messages
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">What the shopper agreed to be sent, by topic and channel</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">E-mail</th>
              <th scope="col">Text message</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(TOPICS).map(([topic, label]) => (
              <tr key={topic}>
                <th scope="row" className="pr-2 font-normal">
                  {label}
                </th>
                <ConsentCell state={find(topic, 'email')} />
                <ConsentCell state={find(topic, 'sms')} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {messaging.messages.length === 0 ? (
        <p className="text-muted">No messages sent yet.</p>
      ) : (
        <ul className="flex flex-col gap-1" aria-label="Latest messages">
          {messaging.messages.map((m, i) => (
            <li key={i}>
              {KINDS[m.kind] ?? m.subject ?? m.kind.replaceAll('_', ' ')} · {m.channel === 'email' ? 'E-mail' : 'Text'} ·{' '}
              {STATUSES[m.status] ?? m.status} · {when.format(new Date(m.sentAt ?? m.createdAt))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
