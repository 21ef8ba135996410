import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type CollectReminderEmailProps = { number: string; body: string; url: string };

// "Not yet collected", 48 and 24 hours before the store puts the order back on the shelf.
export function CollectReminderEmail({ number, body, url }: CollectReminderEmailProps) {
  return (
    <EmailLayout preview={body} reason={`This e-mail is about your order ${number}.`}>
      <Text style={paragraph}>{body}</Text>
      <ButtonLink href={url}>View your order and pickup code</ButtonLink>
    </EmailLayout>
  );
}
