'use client';

import { useCallback } from 'react';
import { parsePickupQrPayload } from '@/lib/pickup/qr-payload';
import { QrCamera, type QrVerdict } from './qr-camera';

// Reads the shopper's pickup QR code (qr-camera.tsx): the code read fills the handover form, for this order only.
export function QrScanner({ orderId, onCode }: { orderId: string; onCode: (code: string) => void }) {
  const onText = useCallback(
    (text: string): QrVerdict => {
      const found = parsePickupQrPayload(text);
      if (!found) return null;
      if (found.orderId !== orderId) return { done: false, message: 'That QR code is for another order.' };
      onCode(found.code);
      return { done: true, message: 'Code read from the QR code. Check it and hand over.' };
    },
    [orderId, onCode],
  );
  return <QrCamera label="Scan QR code" onText={onText} />;
}
