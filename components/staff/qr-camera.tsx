'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;
// What the caller made of a QR code's text: done (stop, say so), not this one (say why, keep looking), or not ours.
export type QrVerdict = { done: boolean; message: string } | null;

// Reads QR codes with the phone's back camera: the browser's BarcodeDetector where there is one, else jsQR (bundled,
// loaded only when scanning starts). Nothing leaves the phone; the caller judges each text read, and the server
// checks what it fills in as if typed.
export function QrCamera({ label, onText }: { label: string; onText: (text: string) => QrVerdict }) {
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
      const jsQR = detector ? null : (await import('jsqr')).default;
      const canvas = document.createElement('canvas');
      const read = async (): Promise<string | null> => {
        if (detector) return (await detector.detect(el))[0]?.rawValue ?? null;
        if (!el.videoWidth) return null;
        canvas.width = el.videoWidth;
        canvas.height = el.videoHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (!ctx) return null;
        ctx.drawImage(el, 0, 0);
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
        return jsQR!(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
      };
      const tick = async () => {
        if (stopped) return;
        const text = await read().catch(() => null);
        const verdict = text ? onText(text) : null;
        if (verdict) setMessage(verdict.message);
        if (verdict?.done) return setScanning(false);
        timer = setTimeout(() => void tick(), 250);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stop();
    };
  }, [scanning, onText]);

  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={() => setScanning((s) => !s)} aria-pressed={scanning}>
        {scanning ? 'Stop scanning' : label}
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
