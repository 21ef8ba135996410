// Offline place lookup: a postcode or town typed by a shopper becomes coordinates from our own
// gazetteer (seeded London postcode districts and towns) and the stores' own addresses. No outside service.
export type Place = { name: string; postcodeDistrict?: string; latitude: number; longitude: number };
export type ResolvedPlace = { label: string; latitude: number; longitude: number };

export { londonPlaces } from './london-places';

const FULL_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;

// "se1 7pb" → "SE1", "SW1A" → "SW1A", "Camden" → null.
export function postcodeDistrictOf(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  const full = FULL_POSTCODE.exec(compact);
  if (full) return full[1] ?? null;
  return DISTRICT.test(compact) ? compact : null;
}

function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export function resolvePlace(input: string, places: readonly Place[]): ResolvedPlace | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const district = postcodeDistrictOf(trimmed);
  if (district) {
    // Central London sub-districts (EC1A, W1D) fall back to their district when not listed.
    for (const candidate of [district, district.replace(/[A-Z]$/, '')]) {
      const place = places.find((p) => p.postcodeDistrict?.toUpperCase() === candidate);
      if (place) return { label: `${candidate} (${place.name})`, latitude: place.latitude, longitude: place.longitude };
    }
    return null;
  }
  const wanted = normaliseName(trimmed);
  if (wanted.length < 2) return null;
  const named = places.map((p) => ({ p, n: normaliseName(p.name) }));
  const match = named.find((x) => x.n === wanted) ?? named.filter((x) => x.n.startsWith(wanted)).sort((a, b) => a.n.length - b.n.length)[0];
  return match ? { label: match.p.name, latitude: match.p.latitude, longitude: match.p.longitude } : null;
}

export const PLACE_NOT_FOUND = "We couldn't find that place. Try a London postcode such as SE1 7PB, or a town such as Camden.";
