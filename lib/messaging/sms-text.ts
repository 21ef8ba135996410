// SMS length in segments: GSM-7 (160 characters, 153 per part when split; the extension characters count twice),
// else UCS-2 (70, 67 per part). Our messages must fit in two segments.
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

export function smsSegments(text: string): { encoding: 'GSM-7' | 'UCS-2'; units: number; segments: number } {
  let septets = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) septets += 1;
    else if (GSM7_EXTENSION.includes(ch)) septets += 2;
    else {
      const units = [...text].reduce((n, c) => n + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0);
      return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

export const MAX_SMS_SEGMENTS = 2;

export function assertFitsSms(text: string): void {
  const { segments, encoding } = smsSegments(text);
  if (segments > MAX_SMS_SEGMENTS) throw new Error(`SMS needs ${segments} ${encoding} segments (at most ${MAX_SMS_SEGMENTS}): ${text}`);
}

// Typographic characters outside GSM-7 that would turn a whole SMS into UCS-2 (a third of the length per segment).
const PLAIN: Record<string, string> = { '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '·': '-', '\u00a0': ' ' };

export function plainSms(text: string): string {
  return text.replace(/[–—‘’“”…·\u00a0]/g, (c) => PLAIN[c] ?? c);
}

// The longest of the given versions (most detail first) that fits in two segments.
export function fitSms(versions: string[]): string {
  for (const version of versions) {
    const text = plainSms(version);
    if (smsSegments(text).segments <= MAX_SMS_SEGMENTS) return text;
  }
  throw new Error('No version of this SMS fits in two segments');
}
