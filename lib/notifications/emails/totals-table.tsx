import { Column, Row, Section } from '@react-email/components';

export type EmailTotal = { label: string; value: string; strong?: boolean };

// Subtotal, discounts, delivery and the total under a line table; the total (strong) in bold.
export function TotalsTable({ totals }: { totals: EmailTotal[] }) {
  return (
    <Section style={{ margin: '8px 0 0' }}>
      {totals.map((t) => {
        const weight = t.strong ? 700 : 400;
        return (
          <Row key={t.label}>
            <Column style={{ padding: '4px 0', fontWeight: weight }}>{t.label}</Column>
            <Column style={{ padding: '4px 0', fontWeight: weight, textAlign: 'right' }}>{t.value}</Column>
          </Row>
        );
      })}
    </Section>
  );
}
