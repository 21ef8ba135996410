import { HeaderAccountLink } from '@/components/account/header-account-link';
import { HeaderCartButton } from '@/components/cart/header-cart-button';
import { HeaderStoreButton } from '@/components/stores/header-store-button';
import { listCategories } from '@/lib/catalog/catalog';
import { CategoryBar } from './category-bar';
import { CategoryMenu } from './category-menu';
import { Logo } from './logo';
import { SearchForm } from './search-form';

// Rendered into cached pages, so nothing here may read the request: the store and cart buttons
// load the shopper's own state in the browser. No backdrop filter: it would make the header the containing block of
// the bag's fixed notice, which then sat over the logo and bag button instead of along the bottom of the screen.
export async function SiteHeader() {
  const categories = await listCategories();
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-surface">
      {/* Phones: menu, logo and cart, then search and store. Wide screens: one row. */}
      <div className="mx-auto grid max-w-7xl grid-cols-[1fr_auto] items-center gap-x-1.5 gap-y-2 px-3 py-2 sm:gap-x-2 sm:px-4 lg:grid-cols-[auto_1fr_auto_auto] lg:gap-x-6 lg:px-6">
        <div className="col-start-1 row-start-1 flex min-w-0 items-center gap-1">
          <CategoryMenu categories={categories} />
          <Logo />
        </div>
        <SearchForm id="site-search" className="col-start-1 row-start-2 lg:col-start-2 lg:row-start-1 lg:mx-auto lg:max-w-xl" />
        <div className="col-start-2 row-start-2 lg:col-start-3 lg:row-start-1">
          <HeaderStoreButton />
        </div>
        <div className="col-start-2 row-start-1 flex items-center justify-self-end lg:col-start-4">
          <HeaderAccountLink />
          <HeaderCartButton />
        </div>
      </div>
      <CategoryBar categories={categories} />
    </header>
  );
}
