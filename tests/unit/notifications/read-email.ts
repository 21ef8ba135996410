import { toPlainText } from '@react-email/render';

// What a reader of an e-mail's HTML part sees and can tap: its visible text (the hidden inbox preview left out) and
// its links with their labels.
export function visibleText(html: string): string {
  const selectors = [
    { selector: 'a', options: { ignoreHref: true } },
    ...['h1', 'h2'].map((selector) => ({ selector, options: { uppercase: false } })),
  ];
  return toPlainText(html, { selectors }).replace(/\s+/g, ' ');
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

export function links(html: string): { href: string; label: string }[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map(([, href = '', inner = '']) => ({
    href: decode(href),
    label: decode(inner.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '')).trim(),
  }));
}

export function images(html: string): { src: string; alt: string }[] {
  return [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => ({
    src: decode(/\bsrc="([^"]*)"/.exec(tag)?.[1] ?? ''),
    alt: decode(/\balt="([^"]*)"/.exec(tag)?.[1] ?? ''),
  }));
}
