import { Column, Row, Section } from '@react-email/components';
import { brand } from './tokens';

export type EmailLine = { name: string; quantity: number; amount: string };

const cell = { padding: '8px 0', borderBottom: `1px solid ${brand.border}`, verticalAlign: 'top' } as const;

// What is in the order or bag: "2 × name" and the line's amount, one row each.
export function LineTable({ lines }: { lines: EmailLine[] }) {
  return (
    <Section style={{ margin: '16px 0 0' }}>
      {lines.map((line, i) => (
        <Row key={i}>
          <Column style={cell}>{`${line.quantity} × ${line.name}`}</Column>
          <Column style={{ ...cell, textAlign: 'right', whiteSpace: 'nowrap', paddingLeft: '12px' }}>{line.amount}</Column>
        </Row>
      ))}
    </Section>
  );
}
