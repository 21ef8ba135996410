// E-mail bodies share the storefront's brand colours (kept literal: mail clients ignore CSS variables).
export const brand = { ink: '#1c1917', brand: '#1f4d3a', onBrand: '#ffffff', muted: '#57534e' };

export function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function magicLinkEmail({ url, expiresMinutes }: { url: string; expiresMinutes: number }) {
  const subject = 'Your sign-in link for Northwind Supply';
  const text = `Sign in to Northwind Supply:\n${url}\n\nThe link works once and expires in ${expiresMinutes} minutes. If you did not ask for it, ignore this e-mail.`;
  const html = `<div style="font-family:system-ui,sans-serif;color:${brand.ink};max-width:480px;margin:auto;padding:24px">
<h1 style="font-size:20px">Northwind Supply</h1>
<p>Tap the button to sign in. The link works once and expires in ${expiresMinutes} minutes.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:${brand.brand};color:${brand.onBrand};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">Sign in</a></p>
<p style="color:${brand.muted};font-size:13px">If you did not ask for this e-mail, you can ignore it.</p></div>`;
  return { subject, text, html };
}
