import { parsePhoneNumberFromString } from 'libphonenumber-js';

// A mobile number as typed ("07911 123456", "+44 7911 123456") in E.164 ("+447911123456"), or null when it is not a
// valid number. Numbers without a country code are read as UK numbers.
export function toE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'GB');
  return parsed?.isValid() ? parsed.number : null;
}
