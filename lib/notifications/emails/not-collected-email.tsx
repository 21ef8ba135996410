import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type NotCollectedEmailProps = { number: string; body: string; url: string };

// An order left on the shelf past its store's hold: it is cancelled, its stock back on the shelf, and refunded if paid.
export function NotCollectedEmail({ number, body, url }: NotCollectedEmailProps) {
  return (
    <EmailLayout preview={body} reason={`This e-mail is about your order ${number}.`}>
      <Text style={paragraph}>{body}</Text>
      <ButtonLink href={url}>View your order</ButtonLink>
    </EmailLayout>
  );
}
