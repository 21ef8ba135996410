import { Text } from '@react-email/components';
import { Fragment } from 'react';
import { paragraph } from './tokens';

// Lines that belong together (an address, opening hours) in one paragraph, one per line.
export function TextLines({ lines, strongFirst = false }: { lines: string[]; strongFirst?: boolean }) {
  return (
    <Text style={paragraph}>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {i === 0 && strongFirst ? <strong>{line}</strong> : line}
        </Fragment>
      ))}
    </Text>
  );
}
