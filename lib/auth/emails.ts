import 'server-only';
import { LinkEmail } from '@/lib/notifications/emails/link-email';
import { renderEmailHtml } from '@/lib/notifications/emails/render';

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

export async function linkEmail(kind: LinkEmailKind, { url, expiresMinutes }: { url: string; expiresMinutes: number }) {
  const { subject, lead, button, footer } = copy[kind];
  const expiry = `The link works once and expires in ${expiresMinutes} minutes.`;
  const text = `${lead}\n${url}\n\n${expiry} ${footer}`;
  const html = await renderEmailHtml(LinkEmail, { lead, expiry, button, url, footer });
  return { subject, text, html };
}
