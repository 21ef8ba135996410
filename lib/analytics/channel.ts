import type { EventChannel } from '@/lib/generated/prisma/enums';
import type { SalesChannel } from '@/lib/generated/prisma/enums';

// Phones and tablets, as lib/orders/channel.ts counts them (touch-first shopping).
const MOBILE = /Mobi|Android|iPhone|iPad|iPod/i;

/**
 * The channel of a shopper's request, decided by the server: the `Sec-CH-UA-Mobile` client hint when the browser
 * sends one (Chromium does, unasked), else the User-Agent. A request with neither counts as desktop web, as orders do.
 */
export function channelFromHeaders(headers: Pick<Headers, 'get'>): Exclude<EventChannel, 'IN_STORE'> {
  const hint = headers.get('sec-ch-ua-mobile');
  if (hint === '?1') return 'PHONE_WEB';
  if (hint === '?0') return 'DESKTOP_WEB';
  const userAgent = headers.get('user-agent');
  return userAgent && MOBILE.test(userAgent) ? 'PHONE_WEB' : 'DESKTOP_WEB';
}

// An order's channel (decided from its checkout request) as an event channel; imported history counts as desktop.
export function channelOfOrder(channel: SalesChannel): EventChannel {
  if (channel === 'WEB_MOBILE') return 'PHONE_WEB';
  if (channel === 'IN_STORE') return 'IN_STORE';
  return 'DESKTOP_WEB';
}

export const CHANNELS: readonly EventChannel[] = ['PHONE_WEB', 'DESKTOP_WEB', 'IN_STORE'];

export const CHANNEL_LABEL: Record<EventChannel, string> = {
  PHONE_WEB: 'Phone web',
  DESKTOP_WEB: 'Desktop web',
  IN_STORE: 'In store',
};
