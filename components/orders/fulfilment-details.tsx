import type { FulfilmentView } from '@/lib/orders/detail';

export function FulfilmentDetails({ fulfilment }: { fulfilment: FulfilmentView }) {
  if (fulfilment.kind === 'DELIVERY') {
    return (
      <section aria-labelledby="fulfilment-heading" className="flex flex-col gap-2">
        <h2 id="fulfilment-heading" className="text-lg font-semibold">
          Delivery to
        </h2>
        <address className="not-italic">
          {fulfilment.addressLines.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </address>
      </section>
    );
  }
  const { store, readyBy, inStore } = fulfilment;
  return (
    <section aria-labelledby="fulfilment-heading" className="flex flex-col gap-2">
      <h2 id="fulfilment-heading" className="text-lg font-semibold">
        {store ? `${inStore ? 'In store,' : 'Pickup at'} ${store.name}` : 'Pickup in store'}
      </h2>
      {readyBy && <p className="font-medium text-success">{readyBy}</p>}
      {store && (
        <>
          <address className="not-italic">
            {store.addressLines.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
            {store.phone && (
              <a href={`tel:${store.phone.replace(/\s/g, '')}`} className="inline-flex min-h-11 items-center underline">
                {store.phone}
              </a>
            )}
          </address>
          <p className="text-sm">
            <span className="font-medium">{store.openStatus}</span> · Today {store.hoursToday}
          </p>
          <details className="text-sm">
            <summary className="inline-flex min-h-11 items-center underline">Opening hours</summary>
            <ul className="mt-1 text-muted">
              {store.week.map((day) => (
                <li key={day}>{day}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
