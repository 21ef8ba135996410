// Product illustrations drawn as small SVGs, so the demo shop needs no photos and no network.
// Pure and deterministic: the same kind, colour and view always give the same bytes.

export const productArtKinds = [
  'jacket',
  'knit',
  'shirt',
  'tee',
  'trousers',
  'shoe',
  'boot',
  'bag',
  'backpack',
  'beanie',
  'scarf',
  'gloves',
  'belt',
  'cap',
  'socks',
  'mug',
  'towel',
  'blanket',
  'candle',
  'bottle',
  'cushion',
] as const;

export type ProductArtKind = (typeof productArtKinds)[number];
export const productArtViews = [1, 2, 3] as const;
export type ProductArtView = (typeof productArtViews)[number];

// Main shape (filled with the colour) and detail strokes, in a 400 × 500 box.
const shapes: Record<ProductArtKind, { body: string; detail: string }> = {
  jacket: {
    body: 'M140 110L175 92Q200 122 225 92L260 110L318 148L344 330L308 338L292 212V400H108V212L92 338L56 330L82 148Z',
    detail: 'M200 120V400M124 300h40M236 300h40M175 92L200 150L225 92',
  },
  knit: {
    body: 'M146 104Q200 138 254 104L314 140L340 342L304 348L286 216V398H114V216L96 348L60 342L86 140Z',
    detail: 'M146 104Q200 150 254 104',
  },
  shirt: {
    body: 'M150 100L178 92L200 118L222 92L250 100L318 136L338 330L304 336L290 200V400H110V200L96 336L62 330L82 136Z',
    detail: 'M200 118V400M178 92L186 130L200 118L214 130L222 92M230 180h30',
  },
  tee: {
    body: 'M150 104Q200 132 250 104L320 134L346 200L300 216L290 190V400H110V190L100 216L54 200L80 134Z',
    detail: 'M150 104Q200 142 250 104',
  },
  trousers: {
    body: 'M130 88H270L292 412H214L200 190L186 412H108Z',
    detail: 'M130 112H270M200 112V190M150 112l6 60M250 112l-6 60',
  },
  shoe: {
    body: 'M66 340Q70 276 106 260L188 236Q214 230 230 250L262 292Q302 302 336 312Q356 320 352 346V356H66Z',
    detail: 'M66 340H352M196 252l22 30M210 246l22 30M224 262l14 20',
  },
  boot: {
    body: 'M118 132H214L220 282Q300 292 336 312Q354 322 350 350V362H112Z',
    detail: 'M112 346H350M214 160H118M160 132V282',
  },
  bag: {
    body: 'M108 200H292L308 420H92Z',
    detail: 'M150 200Q150 118 200 118Q250 118 250 200M120 250H280',
  },
  backpack: {
    body: 'M130 150Q130 110 170 110H230Q270 110 270 150V420H130Z',
    detail: 'M130 200H270M160 300H240V380H160ZM185 110Q185 84 200 84Q215 84 215 110',
  },
  beanie: {
    body: 'M108 340Q104 176 200 168Q296 176 292 340Z',
    detail: 'M108 306H292M120 320V340M150 320V340M180 320V340M210 320V340M240 320V340M270 320V340',
  },
  scarf: {
    body: 'M150 80H250V300L272 420H210L200 330L190 420H128L150 300Z',
    detail: 'M150 120H250M150 140H250M135 420v20M150 420v20M225 420v20M240 420v20M255 420v20M165 420v20',
  },
  gloves: {
    body: 'M140 390V206Q140 156 180 156H220Q260 156 260 206V256L288 224Q308 212 316 236L264 322V390Z',
    detail: 'M140 350H264M180 156V250M220 156V250',
  },
  belt: {
    body: 'M40 222H360V270H40Z',
    detail: 'M280 214H326V278H280ZM120 246h0M150 246h0M180 246h0M210 246h0',
  },
  cap: {
    body: 'M104 300Q104 178 210 176Q300 182 302 300Q360 304 372 326H104Z',
    detail: 'M210 176V300M160 192Q180 240 170 300',
  },
  socks: {
    body: 'M170 90H250V300Q250 340 220 360L150 402Q110 422 94 388Q84 356 120 336L170 306Z',
    detail: 'M170 120H250M170 140H250',
  },
  mug: {
    body: 'M118 170H270V350Q270 376 244 376H144Q118 376 118 350Z',
    detail: 'M270 206Q332 206 332 264Q332 322 270 322M160 140Q150 120 162 100M200 140Q190 120 202 100',
  },
  towel: {
    body: 'M120 96H280V400H120Z',
    detail: 'M120 300H280M120 320H280M190 96Q200 70 210 96',
  },
  blanket: {
    body: 'M70 250Q70 232 88 232H312Q330 232 330 250V380H70Z',
    detail: 'M70 290H330M70 330H330M120 232V380M280 232V380',
  },
  candle: {
    body: 'M140 200H260V356Q260 380 236 380H164Q140 380 140 356Z',
    detail: 'M140 230H260M200 196V170M200 168Q188 150 200 128Q212 150 200 168',
  },
  bottle: {
    body: 'M160 170Q160 140 180 140H220Q240 140 240 170V392Q240 410 222 410H178Q160 410 160 392Z',
    detail: 'M170 110H230V140H170ZM160 230H240',
  },
  cushion: {
    body: 'M110 160Q200 140 290 160Q310 250 290 340Q200 360 110 340Q90 250 110 160Z',
    detail: 'M150 200Q200 250 250 300M250 200Q200 250 150 300',
  },
};

export function isProductArtKind(value: string): value is ProductArtKind {
  return (productArtKinds as readonly string[]).includes(value);
}

export function productArtUrl(kind: ProductArtKind, colorHex: string, view: ProductArtView): string {
  return `/media/product/${kind}/${colorHex.replace('#', '').toLowerCase()}/${view}.svg`;
}

function mix(hex: string, other: string, amount: number): string {
  const a = parseInt(hex, 16);
  const b = parseInt(other, 16);
  const channel = (shift: number) => {
    const x = (a >> shift) & 255;
    const y = (b >> shift) & 255;
    return Math.round(x + (y - x) * amount);
  };
  const out = (channel(16) << 16) | (channel(8) << 8) | channel(0);
  return `#${out.toString(16).padStart(6, '0')}`;
}

function luminance(hex: string): number {
  const n = parseInt(hex, 16);
  return (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
}

// colorHex: six hex digits, with or without "#". View 1 front, 2 back (mirrored, warm ground), 3 close-up.
export function buildProductArt(kind: ProductArtKind, colorHex: string, view: ProductArtView): string {
  const hex = colorHex.replace('#', '').toLowerCase();
  if (!/^[0-9a-f]{6}$/.test(hex)) throw new Error(`Invalid colour: ${colorHex}`);
  const { body, detail } = shapes[kind];
  const fill = `#${hex}`;
  const light = luminance(hex) > 0.8;
  const line = luminance(hex) < 0.3 ? mix(hex, 'ffffff', 0.35) : mix(hex, '000000', 0.3);
  const ground = view === 2 ? '#f1ece4' : mix(hex, light ? 'd8d2c6' : 'ffffff', light ? 0.5 : 0.86);
  const accent = view === 2 ? mix(hex, 'f1ece4', 0.75) : mix(hex, 'ffffff', 0.7);
  const transform = view === 2 ? ' transform="matrix(-1 0 0 1 400 0)"' : view === 3 ? ' transform="matrix(1.35 0 0 1.35 -70 -100)"' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 500" width="400" height="500">` +
    `<rect width="400" height="500" fill="${ground}"/>` +
    `<circle cx="${view === 2 ? 120 : 300}" cy="110" r="70" fill="${accent}"/>` +
    `<ellipse cx="200" cy="440" rx="150" ry="14" fill="#000" opacity=".08"/>` +
    `<g${transform} stroke-linejoin="round" stroke-linecap="round">` +
    `<path d="${body}" fill="${fill}" stroke="${line}" stroke-width="4"/>` +
    `<path d="${detail}" fill="none" stroke="${line}" stroke-width="5"/>` +
    `</g></svg>`
  );
}

const artPath = /^\/media\/product\/([a-z-]+)\/([0-9a-f]{6})\/([1-3])\.svg$/;

// The illustration itself as a data: URL, for the few images a page shows first (its largest paint): the
// browser draws them with the HTML instead of queueing them behind the page's scripts. Other URLs pass through.
export function inlineProductArt(url: string): string {
  const match = artPath.exec(url);
  if (!match || !isProductArtKind(match[1]!)) return url;
  const svg = buildProductArt(match[1], match[2]!, Number(match[3]) as ProductArtView);
  return `data:image/svg+xml,${svg.replace(/"/g, "'").replace(/[%#<>]/g, encodeURIComponent)}`;
}

export function withInlineArt<T extends { image: { url: string } | null }>(items: readonly T[], count: number): T[] {
  return items.map((item, i) =>
    i < count && item.image ? { ...item, image: { ...item.image, url: inlineProductArt(item.image.url) } } : item,
  );
}
