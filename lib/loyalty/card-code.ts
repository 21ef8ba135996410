// The member card's short code, the form an associate can type when the camera cannot read the QR code: 12 characters
// of Crockford's base32 (no I, L, O or U, so nothing reads as another character), shown in groups of four. Pure, so
// the counter page and the server read a typed code the same way; lib/loyalty/member-card.ts makes and checks them.

export const CARD_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CARD_CODE_LENGTH = 12;

// What the associate typed, as the server compares it: case, spaces and dashes dropped, and the letters people
// confuse with digits read as those digits. Null when it cannot be a card code (a QR token, or a typo of length).
export function normaliseCardCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CARD_CODE_LENGTH) return null;
  for (const c of code) if (!CARD_CODE_ALPHABET.includes(c)) return null;
  return code;
}

export function formatCardCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

// Random bytes as alphabet characters (5 bits of each byte; 32 divides 256, so no character is likelier).
export function bytesToCardChars(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += CARD_CODE_ALPHABET[b & 31];
  return out;
}
