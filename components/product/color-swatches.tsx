import type { ColorSwatch } from '@/lib/catalog/types';

// Small dots for the colours a product comes in; the names are read out as text.
export function ColorSwatches({ colors, max = 5 }: { colors: ColorSwatch[]; max?: number }) {
  if (colors.length === 0) return null;
  return (
    <p className="swatches">
      <span className="sr-only">Colours: {colors.map((c) => c.name).join(', ')}</span>
      {colors.slice(0, max).map((c) => (
        <i key={c.name} aria-hidden="true" className="swatch" style={c.hex ? { background: c.hex } : undefined} />
      ))}
      {colors.length > max && <span aria-hidden="true">+{colors.length - max}</span>}
    </p>
  );
}
