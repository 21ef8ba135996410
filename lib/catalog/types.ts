// App-shaped catalog objects returned by lib/catalog (no Prisma types leave lib).

export type SortKey = 'featured' | 'newest' | 'price-asc' | 'price-desc' | 'relevance';

export type ListingFilters = {
  category?: string;
  sizes: string[];
  colors: string[];
  minPrice?: number; // whole units of the shop currency (pounds)
  maxPrice?: number;
  inStock: boolean;
  availableAt?: string; // a location id: only products with stock at that store
  sort: SortKey;
  page: number;
  pageSize: number;
};

export type ImageView = { url: string; alt: string; color: string | null };

export type ColorSwatch = { name: string; hex: string | null };

export type ProductCard = {
  id: string;
  slug: string;
  name: string;
  categoryName: string;
  categorySlug: string;
  priceMinor: number; // lowest variant price
  compareAtMinor: number | null; // the lowest-priced variant's former price, when on sale
  priceVaries: boolean;
  currency: string;
  image: ImageView | null;
  colors: ColorSwatch[];
  inStock: boolean;
};

export type VariantView = {
  id: string;
  sku: string;
  size: string | null;
  color: string | null;
  colorHex: string | null;
  priceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  inStock: boolean; // sellable somewhere (warehouse or any store)
};

export type ProductDetail = {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: { slug: string; name: string };
  tags: string[];
  images: ImageView[];
  variants: VariantView[];
  sizes: string[];
  colors: ColorSwatch[];
  priceMinMinor: number;
  priceMaxMinor: number;
  currency: string;
  inStock: boolean;
  updatedAt: string;
};

export type CategorySummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  productCount: number;
  image: ImageView | null;
};

export type CategoryFacets = {
  sizes: string[];
  colors: ColorSwatch[];
  priceMinMinor: number;
  priceMaxMinor: number;
  currency: string;
};

// What a category's listing filters can take: its sizes and colours, its price range, how many pages of
// products it has, and the stores (for availableAt).
export type ListingVocabulary = {
  sizes: string[];
  colors: string[];
  priceMinMinor: number;
  priceMaxMinor: number;
  pages: number;
  storeIds: string[];
};

export type ProductPage = {
  items: ProductCard[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
};

export type SearchResults = ProductPage & {
  query: string;
  // Set when nothing matched the words as typed and a spelling correction did.
  correctedQuery: string | null;
};

export type HomeContent = {
  featured: ProductCard[];
  newIn: ProductCard[];
  categories: CategorySummary[];
};
