import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type SubstitutionRequestEmailProps = { number: string; paragraphs: string[]; url: string };

// "We can't find …": each short line with the substitute offered (or none), and the time to answer by.
export function SubstitutionRequestEmail({ number, paragraphs, url }: SubstitutionRequestEmailProps) {
  return (
    <EmailLayout preview={paragraphs[0] ?? ''} reason={`This e-mail is about your order ${number}.`}>
      {paragraphs.map((p, i) => (
        <Text key={i} style={paragraph}>
          {p}
        </Text>
      ))}
      <ButtonLink href={url}>Answer on your order page</ButtonLink>
    </EmailLayout>
  );
}
