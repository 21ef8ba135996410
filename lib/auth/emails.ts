import { brand, escapeHtml } from '@/lib/notifications/templates';

// The three e-mails that carry a one-time sign-in link: asked for on the sign-in page, confirming a new account, and
// telling an account's owner that someone tried to sign up with their address (sign-up answers the same either way).
export type LinkEmailKind = 'sign-in' | 'confirm-sign-up' | 'existing-account';

const copy: Record<LinkEmailKind, { subject: string; lead: string; button: string; footer: string }> = {
  'sign-in': {
    subject: 'Your sign-in link for Northwind Supply',
    lead: 'Tap the button to sign in.',
    button: 'Sign in',
    footer: 'If you did not ask for this e-mail, you can ignore it.',
  },
  'confirm-sign-up': {
    subject: 'Confirm your e-mail to finish creating your Northwind Supply account',
    lead: 'Tap the button to confirm this is your e-mail address. You will be signed in, and your password works from then on.',
    button: 'Confirm and sign in',
    footer: 'If you did not create an account, ignore this e-mail and none will be made.',
  },
  'existing-account': {
    subject: 'Someone tried to create a Northwind Supply account with your e-mail',
    lead: 'Someone tried to create an account with this e-mail address, but you already have one. If it was you, tap the button to sign in; you can keep using your existing password.',
    button: 'Sign in',
    footer: 'If it was not you, you can ignore this e-mail: nothing has changed on your account.',
  },
};

export function linkEmail(kind: LinkEmailKind, { url, expiresMinutes }: { url: string; expiresMinutes: number }) {
  const { subject, lead, button, footer } = copy[kind];
  const expiry = `The link works once and expires in ${expiresMinutes} minutes.`;
  const text = `${lead}\n${url}\n\n${expiry} ${footer}`;
  const html = `<div style="font-family:system-ui,sans-serif;color:${brand.ink};max-width:480px;margin:auto;padding:24px">
<h1 style="font-size:20px">Northwind Supply</h1>
<p>${escapeHtml(lead)} ${expiry}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:${brand.brand};color:${brand.onBrand};padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${button}</a></p>
<p style="color:${brand.muted};font-size:13px">${escapeHtml(footer)}</p></div>`;
  return { subject, text, html };
}
