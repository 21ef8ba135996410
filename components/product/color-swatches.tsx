import type { ColorSwatch } from '@/lib/catalog/types';

// Small dots for the colours a product comes in; the names are read out as text. With `onPick` (a card whose picture
// can be drawn in each colour) each dot is a button that shows the product in that colour.
export function ColorSwatches({
  colors,
  max = 5,
  selected = null,
  onPick,
}: {
  colors: ColorSwatch[];
  max?: number;
  selected?: string | null;
  onPick?: (color: string) => void;
}) {
  if (colors.length === 0) return null;
  if (!onPick || colors.length < 2)
    return (
      <p className="swatches">
        <span className="sr-only">Colours: {colors.map((c) => c.name).join(', ')}</span>
        {colors.slice(0, max).map((c) => (
          <i key={c.name} aria-hidden="true" className="swatch" style={c.hex ? { background: c.hex } : undefined} />
        ))}
        {colors.length > max && <span aria-hidden="true">+{colors.length - max}</span>}
      </p>
    );
  return (
    <div role="group" aria-label="Pick a colour" className="swatches relative z-10 flex-wrap">
      {colors.slice(0, max).map((c) => (
        <button
          key={c.name}
          type="button"
          aria-label={`Show in ${c.name}`}
          aria-pressed={selected === c.name}
          onClick={() => onPick(c.name)}
          className="inline-flex size-6 items-center justify-center rounded-pill aria-pressed:ring-2 aria-pressed:ring-ink"
        >
          <i aria-hidden="true" className="swatch" style={c.hex ? { background: c.hex } : undefined} />
        </button>
      ))}
      {colors.length > max && <span>+{colors.length - max} more</span>}
    </div>
  );
}
