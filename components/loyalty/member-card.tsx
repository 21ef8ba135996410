import { ConfirmCode } from './confirm-code';

// The member card for the counter: a QR code of a signed token that changes each time the card is shown (never the
// user id), the same token typed if the camera cannot read it, and the one-time code that lets the associate spend
// points. `qrSvg` is made on the server by the qrcode package from our own token.
export function MemberCard({ name, token, qrSvg }: { name: string | null; token: string; qrSvg: string }) {
  return (
    <section
      aria-labelledby="member-card-heading"
      className="flex flex-col items-center gap-3 rounded border-2 border-brand p-5 text-center"
    >
      <h2 id="member-card-heading" className="text-base font-semibold">
        Northwind Rewards member card{name ? ` · ${name}` : ''}
      </h2>
      <div
        role="img"
        aria-label="QR code of your member card"
        className="w-56 max-w-full bg-white p-2 [&_svg]:h-auto [&_svg]:w-full"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <details className="w-full text-sm">
        <summary className="min-h-11 cursor-pointer py-2">Camera not working? Show the code to type</summary>
        <p className="font-mono text-xs break-all" data-testid="member-token">
          {token}
        </p>
      </details>
      <ConfirmCode />
    </section>
  );
}
