// E-mail bodies share the storefront's brand colours (kept literal: mail clients ignore CSS variables).
export const brand = { ink: '#1c1917', brand: '#1f4d3a', onBrand: '#ffffff', muted: '#57534e' };

export function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
