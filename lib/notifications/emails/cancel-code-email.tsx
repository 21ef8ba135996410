import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { brand, paragraph } from './tokens';

export type CancelCodeEmailProps = { number: string; code: string; minutes: number; url: string };

// The one-time code a device that looked an order up must enter to cancel it.
export function CancelCodeEmail({ number, code, minutes, url }: CancelCodeEmailProps) {
  return (
    <EmailLayout preview={`Your code to cancel order ${number}`} reason="If it was not you, ignore this e-mail; your order stays as it is.">
      <Text style={paragraph}>
        Someone asked to cancel order <strong>{number}</strong> from a device that looked it up by number and e-mail.
      </Text>
      <Text
        style={{ margin: '0 0 16px', fontSize: '28px', lineHeight: '36px', fontWeight: 700, letterSpacing: '4px', fontFamily: brand.mono }}
      >
        {code}
      </Text>
      <Text style={paragraph}>Enter it on the order page within {minutes} minutes.</Text>
      <ButtonLink href={url}>Open the order</ButtonLink>
    </EmailLayout>
  );
}
