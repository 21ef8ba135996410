import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type LineRemovedEmailProps = { number: string; body: string; url: string };

// A substitute the shopper did not answer about in time: the line is gone (and refunded).
export function LineRemovedEmail({ number, body, url }: LineRemovedEmailProps) {
  return (
    <EmailLayout preview={body} reason={`This e-mail is about your order ${number}.`}>
      <Text style={paragraph}>{body}</Text>
      <ButtonLink href={url}>View your order</ButtonLink>
    </EmailLayout>
  );
}
