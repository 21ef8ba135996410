import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSecret } from '@/lib/auth/secret';
import { decodeSessionToken } from '@/lib/auth/session';

const salt = 'authjs.session-token';
const token = (sub: string, maxAge: number) =>
  encode({
    salt,
    secret: authSecret(),
    maxAge,
    token: { sub, email: `${sub}@example.com`, name: null, role: 'STAFF', storeIds: ['store_1'] },
  });

afterEach(() => vi.useRealTimers());

describe('session tokens', () => {
  it('reads the user, role and stores from a valid token, and nothing from a forged one', async () => {
    const valid = await token('user_1', 3600);
    expect(await decodeSessionToken(valid, salt)).toEqual({
      id: 'user_1',
      email: 'user_1@example.com',
      name: null,
      role: 'STAFF',
      storeIds: ['store_1'],
    });
    expect(await decodeSessionToken(`${valid.slice(0, -4)}AAAA`, salt)).toBeNull();
    expect(await decodeSessionToken(valid, 'another-salt')).toBeNull();
  });

  it('stops accepting a token once it expires, even one it decoded a moment before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const shortLived = await token('user_2', 30);
    expect((await decodeSessionToken(shortLived, salt))?.id).toBe('user_2');
    // Past its expiry and the 15 s clock tolerance Auth.js allows, well inside the decoded-token cache's minute.
    vi.setSystemTime(Date.now() + 46_000);
    expect(await decodeSessionToken(shortLived, salt)).toBeNull();
  });
});
