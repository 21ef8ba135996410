import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { brand } from './tokens';

type Props = {
  // The line an inbox shows after the subject.
  preview: string;
  children: ReactNode;
  // Why this person gets this e-mail, in the footer; an unsubscribe link goes beside it where the topic allows one.
  reason: string;
  unsubscribe?: { href: string; label: string };
};

export function EmailLayout({ preview, children, reason, unsubscribe }: Props) {
  return (
    <Html lang="en-GB" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ margin: 0, backgroundColor: brand.surfaceAlt, fontFamily: brand.font, color: brand.ink }}>
        <Container style={{ maxWidth: '520px', margin: '0 auto', padding: '24px', backgroundColor: brand.surface }}>
          <Heading as="h1" style={{ margin: '0 0 16px', fontSize: '20px', color: brand.brand }}>
            {brand.shopName}
          </Heading>
          {children}
          <Hr style={{ borderColor: brand.border, margin: '32px 0 16px' }} />
          <Text style={{ margin: 0, fontSize: '13px', lineHeight: '20px', color: brand.muted }}>
            {reason}
            {unsubscribe && (
              <>
                {' '}
                <Link href={unsubscribe.href} style={{ color: brand.muted, textDecoration: 'underline' }}>
                  {unsubscribe.label}
                </Link>
              </>
            )}
          </Text>
          <Text style={{ margin: '8px 0 0', fontSize: '13px', lineHeight: '20px', color: brand.muted }}>
            <Link href={env.APP_URL} style={{ color: brand.muted }}>
              {brand.shopName}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
