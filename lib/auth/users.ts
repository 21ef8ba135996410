import 'server-only';
import { db } from '@/lib/db';
import { hashPassword, verifyPassword } from './password';
import type { SessionUser } from './session';
import { endOtherSessions } from './sessions';

export async function loadSessionClaims(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, role: true, staffStores: { select: { locationId: true } } },
  });
  if (!user) return null;
  return { email: user.email, name: user.name, role: user.role, storeIds: user.staffStores.map((s) => s.locationId) };
}

// A new password ends the account's other sessions (whoever was signed in elsewhere must sign in again). A password
// can be set without the current one only by an account that has none (signed up by e-mail link or a provider).
export async function changePassword(user: SessionUser, input: { currentPassword: string; newPassword: string }): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row || (row.passwordHash && !(await verifyPassword(row.passwordHash, input.currentPassword)))) return false;
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash, pendingPasswordHash: null, pendingPasswordToken: null } });
  await endOtherSessions(user.id, user.sessionId);
  return true;
}

// A role travels in the session token, so changing it ends every session of that user: the next sign-in carries the new one.
export async function setUserRole(userId: string, role: SessionUser['role']): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { role } });
  await endOtherSessions(userId);
}

export type AddressView = {
  id: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postcode: string;
  country: string;
  isDefault: boolean;
};

export type AccountOverview = {
  name: string | null;
  email: string;
  phone: string | null;
  role: SessionUser['role'];
  hasPassword: boolean;
  linkedProviders: string[];
  emailVerified: boolean;
  addresses: AddressView[];
};

export async function getAccountOverview(user: SessionUser): Promise<AccountOverview | null> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: {
      name: true,
      email: true,
      phone: true,
      role: true,
      passwordHash: true,
      emailVerified: true,
      accounts: { select: { provider: true } },
      addresses: {
        orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
        select: { id: true, name: true, line1: true, line2: true, city: true, postcode: true, country: true, isDefault: true },
      },
    },
  });
  if (!row) return null;
  return {
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    hasPassword: Boolean(row.passwordHash),
    linkedProviders: row.accounts.map((a) => a.provider),
    emailVerified: Boolean(row.emailVerified),
    addresses: row.addresses,
  };
}

export async function updateProfile(user: SessionUser, input: { name: string; phone: string | null }): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { name: input.name, phone: input.phone } });
}

export async function addAddress(user: SessionUser, input: Omit<AddressView, 'id' | 'isDefault'>): Promise<AddressView> {
  return db.$transaction(async (tx) => {
    const count = await tx.address.count({ where: { userId: user.id } });
    if (count >= 20) throw new Error('An account can keep up to 20 addresses.');
    return tx.address.create({
      data: { ...input, userId: user.id, isDefault: count === 0 },
      select: { id: true, name: true, line1: true, line2: true, city: true, postcode: true, country: true, isDefault: true },
    });
  });
}

// Scoped by user: an id belonging to someone else matches nothing.
export async function deleteAddress(user: SessionUser, addressId: string): Promise<boolean> {
  const { count } = await db.address.deleteMany({ where: { id: addressId, userId: user.id } });
  return count > 0;
}

export async function setDefaultAddress(user: SessionUser, addressId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const owned = await tx.address.findFirst({ where: { id: addressId, userId: user.id }, select: { id: true } });
    if (!owned) return false;
    await tx.address.updateMany({ where: { userId: user.id }, data: { isDefault: false } });
    await tx.address.update({ where: { id: addressId }, data: { isDefault: true } });
    return true;
  });
}
