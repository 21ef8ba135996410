import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type LinkEmailProps = { lead: string; expiry: string; button: string; url: string; footer: string };

// A one-time sign-in link: sign in, confirm a new account, or "you already have an account".
export function LinkEmail({ lead, expiry, button, url, footer }: LinkEmailProps) {
  return (
    <EmailLayout preview={lead} reason={footer}>
      <Text style={paragraph}>{lead}</Text>
      <ButtonLink href={url}>{button}</ButtonLink>
      <Text style={{ ...paragraph, margin: '16px 0 0' }}>{expiry}</Text>
    </EmailLayout>
  );
}
