// The warehouse and the London stores (pure; seed() writes them).
import { londonPlaces } from '../../lib/stores/london-places';
import { seedId, slugify } from './random';

export { londonPlaces } from '../../lib/stores/london-places';

interface OpeningHours {
  day: number;
  open: string;
  close: string;
}

export interface SeedLocation {
  id: string;
  code: string;
  slug: string;
  type: 'WAREHOUSE' | 'STORE';
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postcode: string;
  country: string;
  phone: string | null;
  latitude: number;
  longitude: number;
  timeZone: string;
  openingHours: OpeningHours[];
  pickupEnabled: boolean;
  pickupLeadMinutes: number;
}

// Same hours Monday to Saturday, and Sunday's (or none: closed on Sundays).
function weekly(open: string, close: string, sunday?: [string, string], saturday?: [string, string]): OpeningHours[] {
  const days: OpeningHours[] = [];
  if (sunday) days.push({ day: 0, open: sunday[0], close: sunday[1] });
  for (let day = 1; day <= 6; day++) {
    const [o, c] = day === 6 && saturday ? saturday : [open, close];
    days.push({ day, open: o, close: c });
  }
  return days;
}

type LocationInput = Omit<SeedLocation, 'id' | 'country' | 'timeZone'>;

const flagship: LocationInput[] = [
  {
    code: 'PRW',
    slug: 'park-royal-warehouse',
    type: 'WAREHOUSE',
    name: 'Park Royal Warehouse',
    addressLine1: 'Unit 7, Coronation Road',
    addressLine2: 'Park Royal',
    city: 'London',
    postcode: 'NW10 7PQ',
    phone: '020 7946 0100',
    latitude: 51.5312,
    longitude: -0.2689,
    openingHours: weekly('07:00', '19:00', undefined, ['08:00', '14:00']),
    pickupEnabled: false,
    pickupLeadMinutes: 240,
  },
  {
    code: 'SHD',
    slug: 'shoreditch',
    type: 'STORE',
    name: 'Shoreditch',
    addressLine1: '112 Shoreditch High Street',
    addressLine2: null,
    city: 'London',
    postcode: 'E1 6JN',
    phone: '020 7946 0111',
    latitude: 51.5246,
    longitude: -0.0777,
    openingHours: weekly('10:00', '19:00', ['11:00', '17:00']),
    pickupEnabled: true,
    pickupLeadMinutes: 60,
  },
  {
    code: 'CVG',
    slug: 'covent-garden',
    type: 'STORE',
    name: 'Covent Garden',
    addressLine1: '27 Floral Street',
    addressLine2: null,
    city: 'London',
    postcode: 'WC2E 9DP',
    phone: '020 7946 0122',
    latitude: 51.5126,
    longitude: -0.1243,
    openingHours: weekly('10:00', '21:00', ['12:00', '18:00']),
    pickupEnabled: true,
    pickupLeadMinutes: 90,
  },
  {
    code: 'RVS',
    slug: 'riverside',
    type: 'STORE',
    name: 'Riverside',
    addressLine1: "Unit 3, Gabriel's Wharf",
    addressLine2: '56 Upper Ground, South Bank',
    city: 'London',
    postcode: 'SE1 9PP',
    phone: '020 7946 0133',
    latitude: 51.5078,
    longitude: -0.1097,
    openingHours: weekly('09:30', '19:30', ['11:00', '17:00'], ['10:00', '20:00']),
    pickupEnabled: true,
    pickupLeadMinutes: 120,
  },
  {
    code: 'CMD',
    slug: 'camden',
    type: 'STORE',
    name: 'Camden',
    addressLine1: '201 Camden High Street',
    addressLine2: null,
    city: 'London',
    postcode: 'NW1 7BT',
    phone: '020 7946 0144',
    latitude: 51.5405,
    longitude: -0.1441,
    openingHours: weekly('10:00', '19:00'),
    pickupEnabled: true,
    pickupLeadMinutes: 180,
  },
  {
    code: 'GRN',
    slug: 'greenwich',
    type: 'STORE',
    name: 'Greenwich',
    addressLine1: '14 Nelson Road',
    addressLine2: null,
    city: 'London',
    postcode: 'SE10 9JB',
    phone: '020 7946 0155',
    latitude: 51.4817,
    longitude: -0.0091,
    openingHours: weekly('10:00', '18:00', ['11:00', '17:00']),
    pickupEnabled: false,
    pickupLeadMinutes: 240,
  },
];

const inwardCodes = ['1AA', '2BD', '3EF', '4GH', '5JL', '6NP', '7QR', '8SU', '9TW'];

export interface LocationOptions {
  // Total number of stores (the warehouse comes on top). The first five are the hand-made ones.
  stores?: number;
}

export function buildLocations(options: LocationOptions = {}): SeedLocation[] {
  const storeCount = options.stores ?? 5;
  const inputs = flagship.slice(0, 1 + Math.min(storeCount, 5));
  const taken = new Set(['E1', 'WC2', 'SE1', 'NW1', 'SE10', 'NW10']);
  const spare = londonPlaces.filter((p) => p.postcodeDistrict && !taken.has(p.postcodeDistrict));
  for (let i = 0; inputs.length < storeCount + 1; i++) {
    const place = spare[i % spare.length];
    if (!place?.postcodeDistrict) throw new Error('No places left for generated stores');
    const round = Math.floor(i / spare.length);
    const name = round ? `${place.name} ${round + 1}` : place.name;
    const n = inputs.length;
    inputs.push({
      code: `S${String(n).padStart(3, '0')}`,
      slug: slugify(name),
      type: 'STORE',
      name,
      addressLine1: `${10 + (n % 80)} High Street`,
      addressLine2: null,
      city: 'London',
      postcode: `${place.postcodeDistrict} ${inwardCodes[n % inwardCodes.length]}`,
      phone: `020 7946 0${String(200 + n).padStart(3, '0')}`,
      latitude: place.latitude + round * 0.002,
      longitude: place.longitude,
      openingHours: weekly('09:00', n % 3 ? '19:00' : '20:00', n % 7 ? ['11:00', '17:00'] : undefined),
      pickupEnabled: n % 9 !== 0,
      pickupLeadMinutes: 60 + (n % 4) * 60,
    });
  }
  return inputs.map((input, i) => ({
    ...input,
    id: seedId('loc', i + 1),
    country: 'GB',
    timeZone: 'Europe/London',
  }));
}
