import { isValid, toNormalised } from 'postcode';

// UK postcodes, checked and written the one way (upper case, one space before the last three characters) with the
// `postcode` package's format rules, so the form, the API and the label printer agree. A format check only: whether
// the postcode exists needs the Royal Mail file, which the shop does not have. No zod here: the checkout form imports
// it and keeps zod out of its bundle (the schema is in uk-postcode-schema.ts).
export const UK_POSTCODE_MESSAGE = 'Enter a UK postcode such as SW1A 2AA';

/** "sw1a2aa", " SW1A  2AA " → "SW1A 2AA"; null when it is not a UK postcode. */
export function normaliseUkPostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return isValid(compact) ? toNormalised(compact) : null;
}
