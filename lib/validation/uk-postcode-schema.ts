import { z } from 'zod';
import { text } from './text';
import { normaliseUkPostcode, UK_POSTCODE_MESSAGE } from './uk-postcode';

/** A UK postcode field: refused with UK_POSTCODE_MESSAGE unless it is one, then normalised ("se12ye" → "SE1 2YE"). */
export function ukPostcode() {
  return text()
    .min(1, 'Enter a postcode')
    .max(12, UK_POSTCODE_MESSAGE)
    .transform((value, ctx) => {
      const postcode = normaliseUkPostcode(value);
      if (postcode) return postcode;
      ctx.addIssue({ code: 'custom', message: UK_POSTCODE_MESSAGE });
      return z.NEVER;
    });
}
