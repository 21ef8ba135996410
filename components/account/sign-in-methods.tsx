import type { AccountOverview } from '@/lib/auth/users';
import { PasswordForm } from './password-form';

const names: Record<string, string> = { google: 'Google', apple: 'Apple', email: 'E-mail link' };

export function SignInMethods({ account }: { account: AccountOverview }) {
  const methods = [
    account.hasPassword ? 'E-mail and password' : null,
    'E-mail link (a one-time link sent to your inbox)',
    ...account.linkedProviders.filter((p) => p !== 'email').map((p) => names[p] ?? p),
  ].filter((m): m is string => Boolean(m));
  return (
    <>
      <ul className="list-disc pl-5">
        {methods.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <PasswordForm hasPassword={account.hasPassword} />
    </>
  );
}
