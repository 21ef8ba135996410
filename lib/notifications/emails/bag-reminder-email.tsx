import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { LineTable, type EmailLine } from './line-table';
import { paragraph } from './tokens';

export type BagReminderEmailProps = { lines: EmailLine[]; url: string; unsubscribeUrl: string };

// A bag left untouched: what is in it, a link that opens it on any device, and a visible way to stop these.
export function BagReminderEmail({ lines, url, unsubscribeUrl }: BagReminderEmailProps) {
  return (
    <EmailLayout
      preview="Your bag is still waiting"
      reason="You get this e-mail because you agreed to bag reminders."
      unsubscribe={{ href: unsubscribeUrl, label: 'No more bag reminders' }}
    >
      <Text style={paragraph}>Your bag is still waiting:</Text>
      <LineTable lines={lines} />
      <ButtonLink href={url}>Open my bag</ButtonLink>
    </EmailLayout>
  );
}
