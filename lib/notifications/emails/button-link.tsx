import { Button, Section } from '@react-email/components';
import { brand } from './tokens';

// The e-mail's one main action: a big target on a phone, in the brand's colour.
export function ButtonLink({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ margin: '24px 0 0' }}>
      <Button
        href={href}
        style={{
          backgroundColor: brand.brand,
          color: brand.onBrand,
          padding: '12px 20px',
          borderRadius: brand.radius,
          fontWeight: 600,
          fontSize: '16px',
          textDecoration: 'none',
        }}
      >
        {children}
      </Button>
    </Section>
  );
}
