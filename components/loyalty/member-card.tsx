import { ConfirmCode } from './confirm-code';

// The member card for the counter: a QR code of a signed token that changes each time the card is shown (never the
// user id), a short code the associate can type when the camera cannot read it (the full token stays copyable), and
// the one-time code that lets the associate spend points. `qrSvg` is made on the server by the qrcode package.
export function MemberCard({ name, token, code, qrSvg }: { name: string | null; token: string; code: string; qrSvg: string }) {
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
      <div className="flex flex-col items-center">
        <p className="text-sm text-muted">Camera not working? The associate types this card code:</p>
        <p className="font-mono text-2xl font-bold tracking-wider">
          <span aria-hidden="true" data-testid="member-card-code">
            {code}
          </span>
          <span className="sr-only">{code.split('').join(' ')}</span>
        </p>
      </div>
      <details className="w-full text-sm">
        <summary className="min-h-11 cursor-pointer py-2">Show the full card token (to copy)</summary>
        <p className="font-mono text-xs break-all select-all" data-testid="member-token">
          {token}
        </p>
      </details>
      <ConfirmCode />
    </section>
  );
}
