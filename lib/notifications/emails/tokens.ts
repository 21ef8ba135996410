// The brand as e-mail sees it: the values of app/globals.css's @theme, kept literal because mail clients ignore CSS
// variables (tests/unit/notifications/tokens.test.ts keeps the two in step).
export const brand = {
  shopName: 'Northwind Supply',
  ink: '#17201b',
  muted: '#535c57',
  brand: '#1f4d3a',
  brandSoft: '#e3ede7',
  onBrand: '#ffffff',
  surface: '#ffffff',
  surfaceAlt: '#f4f1ea',
  border: '#d6d1c6',
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  radius: '10px',
} as const;

// Body text, a touch larger than React Email's 14px default so that it reads on a phone.
export const paragraph = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' } as const;
export const subheading = { fontSize: '16px', lineHeight: '24px', margin: '24px 0 4px' } as const;
