import { Button } from '@/components/ui/button';

// A plain form POST: works without JavaScript, and the full page load that follows resets the bag.
export function SignOutButton() {
  return (
    <form method="post" action="/account/sign-out">
      <Button type="submit" variant="secondary">
        Sign out
      </Button>
    </form>
  );
}
