import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type PointsExpiringEmailProps = { body: string; url: string; unsubscribeUrl: string };

// Loyalty points about to expire: sent as an offer, so it carries a visible way to stop.
export function PointsExpiringEmail({ body, url, unsubscribeUrl }: PointsExpiringEmailProps) {
  return (
    <EmailLayout
      preview={body}
      reason="You get this e-mail because you agreed to offers and news."
      unsubscribe={{ href: unsubscribeUrl, label: 'No more offers and news' }}
    >
      <Text style={paragraph}>{body}</Text>
      <ButtonLink href={url}>See my points</ButtonLink>
    </EmailLayout>
  );
}
