import type { SalesChannel } from '@/lib/generated/prisma/enums';

// Phones and tablets announce themselves in the User-Agent ("Mobi" is Mozilla's advice; iPads and Android
// tablets are counted with phones: touch-first shopping).
const MOBILE = /Mobi|Android|iPhone|iPad|iPod/i;

export function channelFromUserAgent(userAgent: string | null): Extract<SalesChannel, 'WEB_MOBILE' | 'WEB_DESKTOP'> {
  return userAgent && MOBILE.test(userAgent) ? 'WEB_MOBILE' : 'WEB_DESKTOP';
}
