import type { ColorSwatch } from '@/lib/catalog/types';

// Small dots for the colours a product comes in; the names are read out as text. With `onPick` (a card, once
// hydrated, whose picture can be drawn in each colour) each dot is a button that shows the product in that colour.
// The buttons come only in the browser: the cached HTML keeps its plain dots (a grid's HTML size sets how fast the
// page is served), and their negative margin keeps the row's height, so nothing moves when they appear.
export function ColorSwatches({
  colors,
  max = 5,
  selected = null,
  onPick,
}: {
  colors: ColorSwatch[];
  max?: number;
  selected?: string | null;
  onPick?: ((color: string) => void) | undefined;
}) {
  if (colors.length === 0) return null;
  if (!onPick || colors.length < 2)
    return (
      <p className="swatches">
        <span className="sr-only">{`Colours: ${colors.map((c) => c.name).join(', ')}`}</span>
        {colors.slice(0, max).map((c) => (
          <i key={c.name} className="swatch" style={c.hex ? { background: c.hex } : undefined} />
        ))}
        {colors.length > max && <span aria-hidden="true">+{colors.length - max}</span>}
      </p>
    );
  return (
    <div role="group" aria-label="Pick a colour" className="swatches relative z-10 gap-0">
      {colors.slice(0, max).map((c) => (
        <button
          key={c.name}
          type="button"
          aria-label={`Show in ${c.name}`}
          aria-pressed={selected === c.name}
          onClick={() => onPick(c.name)}
          className="-my-1 inline-flex size-6 items-center justify-center rounded-pill aria-pressed:ring-2 aria-pressed:ring-ink"
        >
          <i aria-hidden="true" className="swatch" style={c.hex ? { background: c.hex } : undefined} />
        </button>
      ))}
      {colors.length > max && <span className="ml-1">+{colors.length - max}</span>}
    </div>
  );
}
