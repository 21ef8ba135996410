// Small pure helpers shared by components and lib. Domain logic lives in its capability folder.

type ClassValue = string | false | null | undefined;

// Joins class names, skipping falsy ones (conditional Tailwind classes).
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}

const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();

// The formatter and its currency's minor-unit digits, both kept (resolvedOptions() costs as much as a format).
function moneyFormat(currency: string, fractionDigits?: number) {
  const key = `${currency}:${fractionDigits ?? ''}`;
  let entry = moneyFormats.get(key);
  if (!entry) {
    const format = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      ...(fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
    });
    entry = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(key, entry);
  }
  return entry;
}

// Formats an integer amount of minor units in its currency: 4500 GBP → "£45.00" (compact: "£45").
export function formatMoney(amountMinor: number, currency: string, { compact = false } = {}): string {
  const scale = 10 ** moneyFormat(currency).digits;
  const whole = amountMinor % scale === 0;
  return moneyFormat(currency, compact && whole ? 0 : undefined).format.format(amountMinor / scale);
}

// "2 results", "1 result".
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
