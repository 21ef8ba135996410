import { Img, Section, Text } from '@react-email/components';
import { brand } from './tokens';

// The code in words and its QR code, attached inline as `cid:` (mail clients block data: URLs and strip inline SVG).
export function PickupCode({ code, qrCid }: { code: string; qrCid: string }) {
  return (
    <Section style={{ border: `2px solid ${brand.brand}`, borderRadius: '12px', padding: '16px', textAlign: 'center', margin: '16px 0' }}>
      <Text style={{ margin: 0, color: brand.muted }}>Your pickup code</Text>
      <Text
        style={{
          margin: '4px 0 12px',
          fontSize: '32px',
          lineHeight: '40px',
          fontWeight: 700,
          letterSpacing: '6px',
          fontFamily: brand.mono,
        }}
      >
        {code}
      </Text>
      <Img src={`cid:${qrCid}`} width="200" height="200" alt={`QR code for pickup code ${code}`} style={{ margin: '0 auto' }} />
      <Text style={{ margin: '12px 0 0', color: brand.muted, fontSize: '13px' }}>Show the code or the QR code at the counter.</Text>
    </Section>
  );
}
