// Builds the demo catalog as plain rows (pure and deterministic; seed() writes them).
import { productArtUrl, type ProductArtKind, type ProductArtView } from '../../lib/catalog/product-art';
import { categoryDefs, colours, sizeRuns, type ColourName } from './categories';
import { productDefs, type ProductDef } from './products-data';
import { createRng, hashString, pick, seedId, shuffle, slugify } from './random';

interface SeedCategory {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}
interface SeedProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  tags: string[];
  featured: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export interface SeedVariant {
  id: string;
  productId: string;
  sku: string;
  size: string | null;
  color: string | null;
  colorHex: string | null;
  priceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  position: number;
}
interface SeedImage {
  id: string;
  productId: string;
  url: string;
  alt: string;
  color: string | null;
  position: number;
}
// Facts about a product that other builders (stock, orders) use but the Product table does not hold.
interface ProductMeta {
  productId: string;
  categorySlug: string;
  kind: ProductArtKind;
  tags: string[];
}

export interface SeedCatalog {
  categories: SeedCategory[];
  products: SeedProduct[];
  variants: SeedVariant[];
  images: SeedImage[];
  meta: ProductMeta[];
}

export interface CatalogOptions {
  now?: Date;
  // Grow the catalog (for the benchmark) until it has exactly this many variants.
  targetVariants?: number;
}

const DAY = 86_400_000;
const collections = [
  'Harbour',
  'Fell',
  'Moorland',
  'Estuary',
  'Coastline',
  'Downs',
  'Weald',
  'Cairn',
  'Ridge',
  'Tarn',
  'Heathland',
  'Saltmarsh',
];
const views: { view: ProductArtView; label: string }[] = [
  { view: 1, label: 'front' },
  { view: 3, label: 'close-up' },
  { view: 2, label: 'back' },
];

function describe(def: ProductDef): string {
  if (def.detail) return `${def.hook} ${def.detail}`;
  const category = categoryDefs.find((c) => c.slug === def.category);
  if (!category) throw new Error(`Unknown category ${def.category}`);
  const h = hashString(def.name);
  return `${def.hook} ${category.materials[h % 3]} ${category.care[(h >>> 4) % 3]}`;
}

function salePrice(price: number): number {
  return Math.round((price * 0.7) / 100) * 100;
}

export function buildCatalog(options: CatalogOptions = {}): SeedCatalog {
  const now = options.now ?? new Date();
  const rng = createRng(20240601);
  const categories: SeedCategory[] = categoryDefs.map((c, position) => ({
    id: seedId('cat', position + 1),
    slug: c.slug,
    name: c.name,
    description: c.description,
    position,
  }));
  const categoryBySlug = new Map(categoryDefs.map((c, i) => [c.slug, { def: c, row: categories[i] as SeedCategory }]));

  const defs: { def: ProductDef; name: string }[] = productDefs.map((def) => ({ def, name: def.name }));
  const baseVariants = productDefs.reduce((n, d) => n + d.colours.length * Math.max(1, sizeRuns[d.sizes].length), 0);
  for (let total = baseVariants, i = 0; options.targetVariants && total < options.targetVariants; i++) {
    const def = productDefs[i % productDefs.length] as ProductDef;
    const round = Math.floor(i / productDefs.length);
    const prefix = collections[round % collections.length];
    const suffix = round >= collections.length ? ` ${Math.floor(round / collections.length) + 1}` : '';
    defs.push({ def, name: `${prefix} ${def.name}${suffix}` });
    total += def.colours.length * Math.max(1, sizeRuns[def.sizes].length);
  }

  // The newest products (shown as "New in") are spread over the last four weeks, the rest over a year.
  const order = shuffle(
    rng,
    defs.map((_, i) => i),
  );
  const ageDays = new Map(order.map((index, rank) => [index, rank < 16 ? rank * 1.7 + 0.5 : 30 + ((rank * 37) % 360)]));
  const featured = new Set<number>();
  for (const slug of categoryDefs.map((c) => c.slug)) {
    const inCategory = defs.map((d, i) => ({ d, i })).filter((x) => x.d.def.category === slug && x.i < productDefs.length);
    featured.add(pick(rng, inCategory).i);
    featured.add(pick(rng, inCategory).i);
  }

  const products: SeedProduct[] = [];
  const variants: SeedVariant[] = [];
  const images: SeedImage[] = [];
  const meta: ProductMeta[] = [];
  defs.forEach(({ def, name }, index) => {
    const category = categoryBySlug.get(def.category);
    if (!category) throw new Error(`Unknown category ${def.category}`);
    const id = seedId('prd', index + 1);
    const createdAt = new Date(now.getTime() - Math.round((ageDays.get(index) ?? 100) * DAY));
    const onSale = rng() < 0.16;
    products.push({
      id,
      slug: slugify(name),
      name,
      description: describe(def),
      categoryId: category.row.id,
      tags: def.tags,
      featured: featured.has(index),
      createdAt,
      updatedAt: createdAt,
    });
    meta.push({ productId: id, categorySlug: def.category, kind: def.kind, tags: def.tags });
    const sizes: readonly (string | null)[] = sizeRuns[def.sizes].length ? sizeRuns[def.sizes] : [null];
    let position = 0;
    for (const colour of def.colours) {
      for (const size of sizes) {
        const colourCode = colour.replace(/\s/g, '').slice(0, 3).toUpperCase();
        const sizeCode = size === 'One size' ? 'OS' : size;
        variants.push({
          id: seedId('var', variants.length + 1),
          productId: id,
          sku: ['NW', category.def.code, String(index + 1).padStart(4, '0'), colourCode, sizeCode].filter(Boolean).join('-'),
          size,
          color: colour,
          colorHex: `#${colours[colour]}`,
          priceMinor: onSale ? salePrice(def.price) : def.price,
          compareAtMinor: onSale ? def.price : null,
          currency: 'GBP',
          position: position++,
        });
      }
    }
    const shots: { colour: ColourName; view: ProductArtView; label: string }[] = [
      { colour: def.colours[0] as ColourName, ...(views[0] as (typeof views)[number]) },
      { colour: def.colours[0] as ColourName, ...(views[1] as (typeof views)[number]) },
      def.colours[1]
        ? { colour: def.colours[1], ...(views[0] as (typeof views)[number]) }
        : { colour: def.colours[0] as ColourName, ...(views[2] as (typeof views)[number]) },
      // A front view in every other colour too, so a bag line shows the colour that is in the bag.
      ...def.colours.slice(2).map((colour) => ({ colour, ...(views[0] as (typeof views)[number]) })),
    ];
    shots.forEach((shot, position) => {
      images.push({
        id: seedId('img', images.length + 1),
        productId: id,
        url: productArtUrl(def.kind, colours[shot.colour], shot.view),
        alt: `${name} in ${shot.colour.toLowerCase()}, ${shot.label}`,
        color: shot.colour,
        position,
      });
    });
  });

  if (options.targetVariants && variants.length > options.targetVariants) {
    const keep = new Set(variants.slice(0, options.targetVariants).map((v) => v.productId));
    variants.length = options.targetVariants;
    return {
      categories,
      products: products.filter((p) => keep.has(p.id)),
      variants,
      images: images.filter((i) => keep.has(i.productId)),
      meta: meta.filter((m) => keep.has(m.productId)),
    };
  }
  return { categories, products, variants, images, meta };
}
