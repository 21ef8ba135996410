import type { ProductDetail } from '@/lib/catalog/types';

// schema.org Product (an AggregateOffer over the variants: one Offer each would double the page) and BreadcrumbList.
export function ProductJsonLd({ product, baseUrl }: { product: ProductDetail; baseUrl: string }) {
  const url = `${baseUrl}/p/${product.slug}`;
  const data = [
    {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.name,
      description: product.description,
      url,
      image: product.images.map((i) => new URL(i.url, baseUrl).toString()),
      category: product.category.name,
      brand: { '@type': 'Brand', name: 'Northwind Supply' },
      offers: {
        '@type': 'AggregateOffer',
        priceCurrency: product.currency,
        lowPrice: (product.priceMinMinor / 100).toFixed(2),
        highPrice: (product.priceMaxMinor / 100).toFixed(2),
        offerCount: product.variants.length,
        availability: product.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: `${baseUrl}/` },
        { '@type': 'ListItem', position: 2, name: product.category.name, item: `${baseUrl}/c/${product.category.slug}` },
        { '@type': 'ListItem', position: 3, name: product.name, item: url },
      ],
    },
  ];
  // Escape "<" so no product text can close the script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
