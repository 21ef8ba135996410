// Product illustrations carry their colour in the URL (/media/product/{kind}/{hex}/{view}.svg), so the picture of a
// product in any of its colours is derived from the kind alone: no image row per colour, and a card sends the
// browser one short word (its kind) to switch colour. Small and pure: client components import it.
const artPath = /^\/media\/product\/([a-z-]+)\/([0-9a-f]{6})\/([1-3])\.svg$/;

// Front, close-up, back: the views a product page shows, in order.
const galleryViews = [
  { view: 1, label: 'front' },
  { view: 3, label: 'close-up' },
  { view: 2, label: 'back' },
] as const;

export function artKindOf(url: string): string | null {
  return artPath.exec(url)?.[1] ?? null;
}

export function artUrl(kind: string, colorHex: string, view: 1 | 2 | 3 = 1): string {
  return `/media/product/${kind}/${colorHex.replace('#', '').toLowerCase()}/${view}.svg`;
}

export function artAlt(name: string, color: string, label = 'front'): string {
  return `${name} in ${color.toLowerCase()}, ${label}`;
}

type Image = { url: string; alt: string; color: string | null };

// A product's pictures in one colour: the three views drawn in it, or (photos) the ones taken in it, else all.
export function imagesInColour<T extends Image>(name: string, images: readonly T[], colour: { name: string; hex: string | null }): Image[] {
  const kind = images[0] ? artKindOf(images[0].url) : null;
  if (kind && colour.hex) {
    return galleryViews.map(({ view, label }) => ({
      url: artUrl(kind, colour.hex!, view),
      alt: artAlt(name, colour.name, label),
      color: colour.name,
    }));
  }
  const own = images.filter((image) => image.color === colour.name);
  return own.length > 0 ? own : [...images];
}

// A card's picture in the first of `wanted` colours the product comes in (a listing filtered by colour).
export function cardInColour<T extends { name: string; image: Image | null; colors: { name: string; hex: string | null }[] }>(
  card: T,
  wanted: readonly string[],
): T {
  const lower = wanted.map((w) => w.toLowerCase());
  const colour = card.colors.find((c) => lower.includes(c.name.toLowerCase()));
  const kind = card.image ? artKindOf(card.image.url) : null;
  if (!colour?.hex || !kind || card.image?.color === colour.name) return card;
  return { ...card, image: { url: artUrl(kind, colour.hex), alt: artAlt(card.name, colour.name), color: colour.name } };
}
