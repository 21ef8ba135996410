import Link from 'next/link';
import { buttonClassName } from '@/components/ui/button';

// Shown with a 404 when a signed-in account that is not an admin opens an admin page (notFound() in the page): an
// admin page does not tell other accounts it exists. Not Next's forbidden() (403): it needs experimental.authInterrupts,
// which puts a default 403 and 401 page into the payload of every page of the shop (about 4 KB on a category page).
export default function AdminOnly() {
  return (
    <section className="mx-auto max-w-xl py-12 text-center">
      <h1 className="mt-2 text-3xl font-bold">This page is for administrators</h1>
      <p className="mt-3 text-muted">
        You are signed in with an account that cannot see the shop’s analytics. Ask an administrator if you need these figures.
      </p>
      <Link href="/" className={buttonClassName('primary', 'mt-6')}>
        Back to the shop
      </Link>
    </section>
  );
}
