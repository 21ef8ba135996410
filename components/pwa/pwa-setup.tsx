'use client';

import { useEffect, useState } from 'react';

type InstallPrompt = Event & { prompt(): Promise<void> };

// Registers the service worker (/sw.js) once the page is up, and offers "Install" on phones whose browser says the
// shop can be installed (beforeinstallprompt). Kept tiny: it is in every page's bundle.
export function PwaSetup() {
  const [offer, setOffer] = useState<InstallPrompt | null>(null);
  useEffect(() => {
    if (process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.error('[pwa] service worker not registered', error));
    }
    const onOffer = (event: Event) => {
      if (!matchMedia('(pointer: coarse)').matches) return;
      event.preventDefault();
      setOffer(event as InstallPrompt);
    };
    const onInstalled = () => setOffer(null);
    addEventListener('beforeinstallprompt', onOffer);
    addEventListener('appinstalled', onInstalled);
    return () => {
      removeEventListener('beforeinstallprompt', onOffer);
      removeEventListener('appinstalled', onInstalled);
    };
  }, []);
  if (!offer) return null;
  return (
    <div
      role="region"
      aria-label="Install the app"
      className="fixed inset-x-0 bottom-0 z-50 flex flex-wrap items-center gap-3 border-t border-border bg-surface p-3 shadow-lg"
    >
      <p className="flex-1 text-sm">Add Northwind to your home screen: your orders and member card open even offline.</p>
      <button
        type="button"
        className="min-h-11 rounded bg-brand px-5 font-semibold text-on-brand"
        onClick={() => void offer.prompt().finally(() => setOffer(null))}
      >
        Install
      </button>
      <button type="button" className="min-h-11 rounded px-3 underline" onClick={() => setOffer(null)}>
        Not now
      </button>
    </div>
  );
}
