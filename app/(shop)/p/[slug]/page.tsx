import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductGallery } from '@/components/product/product-gallery';
import { ProductJsonLd } from '@/components/product/product-json-ld';
import { priceLabels } from '@/components/product/price';
import { VariantPicker } from '@/components/product/variant-picker';
import { RecommendationShelves } from '@/components/recommendations/recommendation-shelves';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { getProductBySlug, listProductSlugs } from '@/lib/catalog/catalog';
import { imagesInColour } from '@/lib/catalog/art-colour';
import { inlineProductArt } from '@/lib/catalog/product-art';
import type { ImageView } from '@/lib/catalog/types';
import { env } from '@/lib/env';

// Every product is prerendered at build time; new ones render on their first visit and are cached.
// The variant, cart and store parts load per shopper in the browser, so the page itself never reads the request.
export const revalidate = 600;

export async function generateStaticParams() {
  const products = await listProductSlugs();
  return products.map((p) => ({ slug: p.slug }));
}

export async function generateMetadata({ params }: PageProps<'/p/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const product = await getProductBySlug(slug);
  if (!product) return { title: 'Product not found' };
  const description = product.description.length > 160 ? `${product.description.slice(0, 157)}…` : product.description;
  return {
    title: product.name,
    description,
    alternates: { canonical: `/p/${product.slug}` },
    openGraph: {
      type: 'website',
      title: product.name,
      description,
      url: `/p/${product.slug}`,
      images: product.images.slice(0, 1).map((i) => ({ url: i.url, alt: i.alt })),
    },
  };
}

export default async function ProductPage({ params }: PageProps<'/p/[slug]'>) {
  const { slug } = await params;
  const product = await getProductBySlug(slug);
  if (!product) notFound();
  // The pictures in each colour, for the gallery to follow the colour chosen; the page opens on the first colour
  // (the variant picker's default), whose first picture is sent inside the HTML (the largest paint).
  const initial = product.colors[0]?.name ?? '';
  const galleries: Record<string, ImageView[]> = product.colors.length
    ? Object.fromEntries(product.colors.map((c) => [c.name, imagesInColour(product.name, product.images, c)]))
    : { '': product.images };
  galleries[initial] = (galleries[initial] ?? []).map((image, i) => (i === 0 ? { ...image, url: inlineProductArt(image.url) } : image));
  return (
    <>
      <ProductJsonLd product={product} baseUrl={env.APP_URL.replace(/\/$/, '')} />
      <Breadcrumbs
        items={[
          { label: 'Home', href: '/' },
          { label: product.category.name, href: `/c/${product.category.slug}` },
          { label: product.name },
        ]}
      />
      <div className="mt-2 grid gap-8 lg:grid-cols-[3fr_2fr] lg:gap-12">
        <ProductGallery productId={product.id} galleries={galleries} initial={initial} name={product.name} />
        <div className="flex flex-col gap-6">
          <h1 className="text-3xl leading-tight font-bold">{product.name}</h1>
          <VariantPicker
            productId={product.id}
            variants={product.variants.map(({ id, size, color, priceMinor, compareAtMinor, currency, inStock }) => ({
              id,
              size,
              color,
              priceMinor,
              inStock,
              ...priceLabels(priceMinor, compareAtMinor, currency),
            }))}
            colors={product.colors}
            sizes={product.sizes}
          />
          <section aria-labelledby="description-heading" className="border-t border-border pt-6">
            <h2 id="description-heading" className="mb-2 text-lg font-semibold">
              Description
            </h2>
            <p className="max-w-prose whitespace-pre-line text-ink/90">{product.description}</p>
          </section>
        </div>
      </div>
      <RecommendationShelves context="product" productId={product.id} slots={[{ title: 'Goes well with' }, { title: 'Similar' }]} />
      {/* The visitor's own, so a request of its own (the product shelves above are the same for everyone and cached). */}
      <RecommendationShelves context="viewed" productId={product.id} slots={[{ title: 'Recently viewed' }]} />
    </>
  );
}
