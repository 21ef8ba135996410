// The code the counter asks for, big enough to read across it, and the same code as a QR code to scan.
// `qrSvg` is generated on the server by the qrcode package from our own payload, never from user input.
export function PickupCodeCard({ code, qrSvg }: { code: string; qrSvg: string }) {
  return (
    <section
      aria-labelledby="pickup-code-heading"
      className="flex flex-col items-center gap-3 rounded border-2 border-brand p-5 text-center"
    >
      <h2 id="pickup-code-heading" className="text-base font-semibold text-muted">
        Your pickup code
      </h2>
      <p
        data-testid="pickup-code"
        className="font-mono text-4xl font-bold tracking-[0.3em] sm:text-5xl"
        aria-label={`Pickup code ${code.split('').join(' ')}`}
      >
        {code}
      </p>
      <div
        role="img"
        aria-label="QR code of your pickup code"
        className="w-48 max-w-full bg-white p-2 [&_svg]:h-auto [&_svg]:w-full"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="text-sm text-muted">Show this code or the QR code at the counter. We have e-mailed it to you too.</p>
    </section>
  );
}
