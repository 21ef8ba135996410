import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the package's default algorithm) with its default memory-hard parameters;
// the seed hashes demo passwords with the same `hash()`.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against a real hash even when the account is unknown, so timing does not reveal it.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash('not-a-real-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    console.error('[auth] password hash could not be verified', error);
    return false;
  }
}
