import 'server-only';
import { Text } from '@react-email/components';
import { ButtonLink } from './button-link';
import { EmailLayout } from './email-layout';
import { paragraph } from './tokens';

export type BackInStockEmailProps = { body: string; url: string; after: string };

// "It's back": the one e-mail a back-in-stock request asked for; `after` says no other will follow.
export function BackInStockEmail({ body, url, after }: BackInStockEmailProps) {
  return (
    <EmailLayout preview={body} reason={after}>
      <Text style={paragraph}>{body}</Text>
      <ButtonLink href={url}>See it</ButtonLink>
    </EmailLayout>
  );
}
