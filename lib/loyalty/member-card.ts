import 'server-only';
import { createHash, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { signValue, unsignValue } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { LoyaltyError } from './errors';
import { ensureAccount } from './ledger';

// The member card: a QR code carrying a signed token that names the loyalty account (never the user id) and when the
// token stops being valid. It rotates: each page view makes a new one valid for a day, so a photo of an old card is
// useless after that. The counter reads it (camera or typed) and the server checks the signature and the date.
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

export async function memberCard(userId: string, now: Date = new Date()): Promise<{ token: string; svg: string }> {
  const account = await ensureAccount(db, userId);
  const token = memberCardToken(account.id, now);
  const svg = await QRCode.toString(token, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { token, svg };
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
  const used = await db.loyaltyAccount.updateMany({
    where: { id: accountId, confirmCodeHash: hashCode(accountId, code.trim()), confirmCodeExpiresAt: { gt: now } },
    data: { confirmCodeHash: null, confirmCodeExpiresAt: null },
  });
  if (used.count === 1) return;
  await db.loyaltyAccount.updateMany({ where: { id: accountId }, data: { confirmCodeHash: null, confirmCodeExpiresAt: null } });
  throw new LoyaltyError('wrong_confirm_code', 'That code is wrong or has expired. Ask the shopper to show a new code on their phone.');
}
