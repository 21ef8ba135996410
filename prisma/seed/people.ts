// Demo accounts and the customers behind the purchase history (pure; passwords are hashed in seed()).
import type { SeedLocation } from './locations';
import { createRng, pick, seedId } from './random';

export interface SeedUser {
  id: string;
  email: string;
  name: string;
  role: 'CUSTOMER' | 'STAFF' | 'ADMIN';
  password: string | null;
  externalRef: string | null;
  phone: string | null;
  emailConsent: boolean;
  smsConsent: boolean;
  preferredStoreId: string | null;
  emailVerified: Date | null;
  staffLocationIds: string[];
}

const demoPasswords = { shopper: 'shopper-demo-1', staff: 'staff-demo-1', admin: 'admin-demo-1' } as const;

export const demoShopperAddress = {
  name: 'Sam Taylor',
  line1: 'Flat 4, 21 Calvert Avenue',
  line2: null,
  city: 'London',
  postcode: 'E2 7JP',
  country: 'GB',
  phone: '07700 900123',
  isDefault: true,
};

// Demo sign-ins (demo mode only): a shopper, one associate per store (first five stores) and an admin.
export function buildDemoUsers(locations: SeedLocation[], now = new Date()): SeedUser[] {
  const stores = locations.filter((l) => l.type === 'STORE').slice(0, 5);
  const base = {
    externalRef: null,
    phone: null,
    emailConsent: false,
    smsConsent: false,
    preferredStoreId: null,
    emailVerified: now,
    staffLocationIds: [],
  };
  return [
    {
      ...base,
      id: seedId('usr', 1),
      email: 'shopper@example.com',
      name: 'Sam Taylor',
      role: 'CUSTOMER',
      password: demoPasswords.shopper,
      phone: '07700 900123',
      emailConsent: true,
      smsConsent: true,
      preferredStoreId: stores[0]?.id ?? null,
    },
    ...stores.map((store, i): SeedUser => ({
      ...base,
      id: seedId('usr', 2 + i),
      email: `staff.${store.slug}@example.com`,
      name: `${store.name} Associate`,
      role: 'STAFF',
      password: demoPasswords.staff,
      preferredStoreId: store.id,
      staffLocationIds: [store.id],
    })),
    { ...base, id: seedId('usr', 9), email: 'admin@example.com', name: 'Alex Morgan', role: 'ADMIN', password: demoPasswords.admin },
  ];
}

const firstNames = [
  'Amelia',
  'Oliver',
  'Priya',
  'Kwame',
  'Sophie',
  'Daniel',
  'Aisha',
  'Tom',
  'Chloe',
  'Mohammed',
  'Grace',
  'Jack',
  'Leila',
  'Harry',
  'Zara',
  'Ben',
  'Freya',
  'Arjun',
  'Ellie',
  'Samuel',
  'Nadia',
  'Joe',
  'Isla',
  'Kofi',
  'Ruby',
  'Luca',
  'Hannah',
  'Yusuf',
  'Megan',
  'Finn',
];
const lastNames = [
  'Patel',
  'Smith',
  'Okafor',
  'Jones',
  'Williams',
  'Khan',
  'Brown',
  'Taylor',
  'Chen',
  'Evans',
  'Murphy',
  'Ahmed',
  'Clarke',
  'Walker',
  'Hughes',
  'Nowak',
  'Mensah',
  'Wright',
  'Rossi',
  'Green',
];

export function buildCustomers(count = 60): SeedUser[] {
  const rng = createRng(777);
  return Array.from({ length: count }, (_, i): SeedUser => {
    const ref = `demo-c-${String(i + 1).padStart(3, '0')}`;
    const first = pick(rng, firstNames);
    const last = pick(rng, lastNames);
    return {
      id: seedId('cus', i + 1),
      email: `${ref}@customers.northwind.test`,
      name: `${first} ${last}`,
      role: 'CUSTOMER',
      password: null,
      externalRef: ref,
      phone: null,
      emailConsent: rng() < 0.6,
      smsConsent: rng() < 0.2,
      preferredStoreId: null,
      emailVerified: null,
      staffLocationIds: [],
    };
  });
}

export interface SeedView {
  id: string;
  userId: string;
  productId: string;
  viewedAt: Date;
}

// A few recent product views, so "Recently viewed" and "For you" have something to show for the demo shopper.
export function buildShopperViews(shopperId: string, productIds: string[], now = new Date()): SeedView[] {
  const picks = [3, 16, 31, 58, 71, 89].map((i) => productIds[i % productIds.length]).filter((id): id is string => !!id);
  return picks.map((productId, i) => ({
    id: seedId('viw', i + 1),
    userId: shopperId,
    productId,
    viewedAt: new Date(now.getTime() - (i * 7 + 2) * 3_600_000),
  }));
}
