import 'server-only';
import { Heading, Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { LineTable, type EmailLine } from './line-table';
import { PickupCode } from './pickup-code';
import { TextLines } from './text-lines';
import { paragraph, subheading } from './tokens';
import { TotalsTable, type EmailTotal } from './totals-table';

export type OrderEmailProps = {
  number: string;
  intro: string;
  url: string;
  lines: EmailLine[];
  totals: EmailTotal[];
  fulfilment: { heading: string; lines: string[] };
  pickup: { code: string; qrCid: string } | null;
};

// The order confirmation, and the e-mail carrying a new pickup code (same content, another first line).
export function OrderEmail({ number, intro, url, lines, totals, fulfilment, pickup }: OrderEmailProps) {
  return (
    <EmailLayout preview={intro} reason={`You get this e-mail because you placed order ${number} with us.`}>
      <Text style={paragraph}>{intro}</Text>
      {pickup && <PickupCode code={pickup.code} qrCid={pickup.qrCid} />}
      <LineTable lines={lines} />
      <TotalsTable totals={totals} />
      <Heading as="h2" style={subheading}>
        {fulfilment.heading}
      </Heading>
      <TextLines lines={fulfilment.lines} />
      <ButtonLink href={url}>View your order</ButtonLink>
    </EmailLayout>
  );
}
