import 'server-only';
import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import { authSecret, signValue, unsignValue } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { LoyaltyError } from './errors';
import { bytesToCardChars, CARD_CODE_LENGTH, formatCardCode, normaliseCardCode } from './card-code';
import { ensureAccount, type Client } from './ledger';

// The member card: a QR code carrying a signed token that names the loyalty account (never the user id) and when the
// token stops being valid (each page view makes a new one, valid for a day), plus a short code to type, which changes
// every day. A photo of an old card is soon useless. The counter reads either; the server checks signature and date.
const PURPOSE = 'loyalty-card';
const PREFIX = 'NWR1';
const CARD_VALID_MS = 24 * 60 * 60_000;

export function memberCardToken(accountId: string, now: Date = new Date()): string {
  const until = Math.floor((now.getTime() + CARD_VALID_MS) / 1000).toString(36);
  return signValue(`${PREFIX}-${accountId}-${until}`, PURPOSE);
}

// The account a card token names, or a 400 for a token that is forged, garbled or out of date.
export function readMemberCardToken(token: string, now: Date = new Date()): string {
  const value = unsignValue(token.trim(), PURPOSE);
  const [prefix, accountId, until] = value?.split('-') ?? [];
  if (prefix !== PREFIX || !accountId || !until || parseInt(until, 36) * 1000 < now.getTime())
    throw new LoyaltyError('invalid_token', 'That member card is not valid. Ask the shopper to open their card again.');
  return accountId;
}

// The card as /account/rewards shows it: the QR token, and the short code to type when the camera cannot read it.
// The short code is the same all day on every device the member opens the card on (a new one each UTC day, valid
// until the end of the next, or until a newer one is shown); only its hash is stored, and only when it changes.
export async function memberCard(userId: string, now: Date = new Date()): Promise<{ token: string; svg: string; code: string }> {
  const account = await ensureAccount(db, userId);
  const token = memberCardToken(account.id, now);
  const day = Math.floor(now.getTime() / DAY_MS);
  const code = cardCodeFor(account.id, day);
  const hash = hashCardCode(code);
  await db.loyaltyAccount.updateMany({
    where: { id: account.id, OR: [{ cardCodeHash: null }, { cardCodeHash: { not: hash } }] },
    data: { cardCodeHash: hash, cardCodeExpiresAt: new Date((day + 2) * DAY_MS) },
  });
  const svg = await QRCode.toString(token, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { token, svg, code: formatCardCode(code) };
}

// The short code: characters drawn from a keyed hash of the account and the day (unguessable without the server's
// secret), then a few characters of a signature over them, so a made-up code is refused before the database is asked.
const CODE_PURPOSE = 'loyalty-card-code';
const SIGNATURE_CHARS = 4;
const DAY_MS = 24 * 60 * 60_000;
const keyed = (value: string, length: number) =>
  bytesToCardChars(createHmac('sha256', authSecret()).update(value).digest().subarray(0, length));
const codeSignature = (random: string) => keyed(`${CODE_PURPOSE}:${random}`, SIGNATURE_CHARS);
const hashCardCode = (code: string) => createHash('sha256').update(`${CODE_PURPOSE}:${code}`).digest('hex');

function cardCodeFor(accountId: string, day: number): string {
  const random = keyed(`${CODE_PURPOSE}:${accountId}:${day}`, CARD_CODE_LENGTH - SIGNATURE_CHARS);
  return random + codeSignature(random);
}

function cardCodeSigned(code: string): boolean {
  const random = code.slice(0, -SIGNATURE_CHARS);
  return timingSafeEqual(Buffer.from(codeSignature(random)), Buffer.from(code.slice(-SIGNATURE_CHARS)));
}

// The account named by what the counter read: the QR token (scanned or pasted) or the short code typed.
export async function readMemberCard(typed: string, now: Date = new Date()): Promise<string> {
  const code = normaliseCardCode(typed);
  if (!code) return readMemberCardToken(typed, now);
  const account = cardCodeSigned(code)
    ? await db.loyaltyAccount.findFirst({
        where: { cardCodeHash: hashCardCode(code), cardCodeExpiresAt: { gt: now } },
        select: { id: true },
      })
    : null;
  if (!account) throw new LoyaltyError('invalid_token', 'That card code is not valid. Ask the shopper to open their card again.');
  return account.id;
}

// The shopper's consent to spend points at the counter: a 6-digit code shown on their own phone, valid 2 minutes,
// good for one redemption. A wrong code voids it, so it cannot be guessed at the till.
const CONFIRM_VALID_MS = 2 * 60_000;
const hashCode = (accountId: string, code: string) => createHash('sha256').update(`${accountId}:${code}`).digest('hex');

export async function newConfirmCode(userId: string, now: Date = new Date()): Promise<{ code: string; expiresAt: string }> {
  const account = await ensureAccount(db, userId);
  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CONFIRM_VALID_MS);
  await db.loyaltyAccount.update({
    where: { id: account.id },
    data: { confirmCodeHash: hashCode(account.id, code), confirmCodeExpiresAt: expiresAt },
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

// Uses up the code (a conditional update: of two redemptions with one code, one wins). A wrong or expired code is
// voided too and refused. Its own statement, before the points are spent: a refused spend needs a new code.
export async function consumeConfirmCode(accountId: string, code: string, now: Date = new Date()): Promise<void> {
  if (await takeConfirmCode(db, accountId, code, now)) return;
  await voidConfirmCode(accountId);
  throw wrongConfirmCode();
}

// The code used up inside the caller's transaction (an in-store sale with points): if the sale is refused later
// (out of stock, not enough points) it rolls back with the sale and the shopper's code still works. False for a
// wrong or expired code; the caller voids it after its transaction.
export async function takeConfirmCode(client: Client, accountId: string, code: string, now: Date = new Date()): Promise<boolean> {
  const used = await client.loyaltyAccount.updateMany({
    where: { id: accountId, confirmCodeHash: hashCode(accountId, code.trim()), confirmCodeExpiresAt: { gt: now } },
    data: { confirmCodeHash: null, confirmCodeExpiresAt: null },
  });
  return used.count === 1;
}

export async function voidConfirmCode(accountId: string, client: Client = db): Promise<void> {
  await client.loyaltyAccount.updateMany({ where: { id: accountId }, data: { confirmCodeHash: null, confirmCodeExpiresAt: null } });
}

export const wrongConfirmCode = () =>
  new LoyaltyError('wrong_confirm_code', 'That code is wrong or has expired. Ask the shopper to show a new code on their phone.');
