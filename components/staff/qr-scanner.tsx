'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { parsePickupQrPayload } from '@/lib/pickup/qr-payload';

type Found = { orderId: string; code: string } | null;
type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;

// Reads the shopper's pickup QR code with the phone's back camera: the browser's BarcodeDetector where there is one,
// else jsQR (bundled, loaded only when scanning starts). Nothing leaves the phone; the code read fills the form,
// and the server checks it as if typed.
export function QrScanner({ orderId, onCode }: { orderId: string; onCode: (code: string) => void }) {
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState('');
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!scanning) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => stream?.getTracks().forEach((t) => t.stop());
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera');
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        setMessage('The camera is not available here: type the code instead.');
        setScanning(false);
        return;
      }
      const el = video.current;
      if (stopped || !el) return stop();
      el.srcObject = stream;
      await el.play().catch(() => undefined);
      const Native = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
      const detector = Native ? new Native({ formats: ['qr_code'] }) : null;
      const fallback = detector ? null : (await import('@/lib/pickup/scan')).decodePickupQr;
      const canvas = document.createElement('canvas');
      const read = async (): Promise<Found> => {
        if (detector) {
          const raw = (await detector.detect(el))[0]?.rawValue;
          return raw ? parsePickupQrPayload(raw) : null;
        }
        if (!el.videoWidth) return null;
        canvas.width = el.videoWidth;
        canvas.height = el.videoHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (!ctx) return null;
        ctx.drawImage(el, 0, 0);
        return fallback!(ctx.getImageData(0, 0, canvas.width, canvas.height));
      };
      const tick = async () => {
        if (stopped) return;
        const found = await read().catch(() => null);
        if (found && found.orderId === orderId) {
          onCode(found.code);
          setMessage('Code read from the QR code. Check it and hand over.');
          setScanning(false);
          return;
        }
        if (found) setMessage('That QR code is for another order.');
        timer = setTimeout(() => void tick(), 250);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stop();
    };
  }, [scanning, orderId, onCode]);

  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={() => setScanning((s) => !s)} aria-pressed={scanning}>
        {scanning ? 'Stop scanning' : 'Scan QR code'}
      </Button>
      {scanning && (
        <video
          ref={video}
          muted
          playsInline
          className="aspect-square w-full max-w-xs rounded bg-ink object-cover"
          aria-label="Camera view for the QR code"
        />
      )}
      <p role="status" className="text-sm">
        {message}
      </p>
    </div>
  );
}
