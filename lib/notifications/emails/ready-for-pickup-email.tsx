import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { PickupCode } from './pickup-code';
import { TextLines } from './text-lines';
import { paragraph } from './tokens';

export type ReadyForPickupEmailProps = {
  number: string;
  url: string;
  store: { name: string; addressLines: string[]; hoursToday: string };
  code: string | null;
  qrCid: string;
};

// The moment that brings the shopper into the store: where, today's hours, the code and QR, and "I'm here".
export function ReadyForPickupEmail({ number, url, store, code, qrCid }: ReadyForPickupEmailProps) {
  const lead = `Good news: order ${number} is ready to collect at ${store.name}.`;
  return (
    <EmailLayout preview={lead} reason={`This e-mail is about your order ${number}.`}>
      <Text style={paragraph}>{lead}</Text>
      {code && <PickupCode code={code} qrCid={qrCid} />}
      <TextLines lines={[store.name, ...store.addressLines, `Open today: ${store.hoursToday}`]} strongFirst />
      <ButtonLink href={url}>I&apos;m here: open my order</ButtonLink>
    </EmailLayout>
  );
}
