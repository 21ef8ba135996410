import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { nextExpiry, PROGRAMME } from '@/lib/loyalty/programme';
import { pointsLots } from '@/lib/loyalty/sweep';
import { sendEmail } from '@/lib/notifications/email';
import { formatMoney } from '@/lib/utils';
import { pointsExpiringEmail } from './points-expiring-email';
import { unsubscribeHeaders, unsubscribePageUrl } from './unsubscribe';

// "Your points expire soon": one e-mail per account and expiry date, PROGRAMME.expiryReminderDays (30) before.
// Topic OFFERS, not ORDERS: a nudge to come back and spend is direct marketing in the ICO's reading of PECR (a
// neutral balance statement would not be), so it goes only to members who agreed to offers and news, with one-click
// unsubscribe. The balance itself is always on the member card (/account/rewards).
const DAY_MS = 24 * 60 * 60_000;
const BATCH = 500;
// Lots that came within the reminder's reach in this many days are looked at: the message sweep runs every minute,
// so this only matters if it was down for longer. Points expire at a month's end, when many lots share a date.
const WINDOW_DAYS = 2;

export const pointsExpiringKey = (accountId: string, expiresAt: Date) =>
  `points_expiring:${accountId}:${expiresAt.toISOString().slice(0, 10)}:email`;

export async function sendPointsExpiringReminders(now: Date = new Date()): Promise<number> {
  const until = new Date(now.getTime() + PROGRAMME.expiryReminderDays * DAY_MS);
  const from = new Date(until.getTime() - WINDOW_DAYS * DAY_MS);
  // Accounts with points left and a lot expiring in that slice whose reminder was not written yet (the key's date
  // is the lot's; a member whose next expiry is another lot is sorted out below).
  const accounts = await db.$queryRaw<{ accountId: string }[]>`
    SELECT DISTINCT e."accountId" FROM "LoyaltyEntry" e
    JOIN "LoyaltyAccount" a ON a."id" = e."accountId" AND a."balance" > 0
    WHERE e."expiresAt" > ${from}::timestamp(3) AND e."expiresAt" <= ${until}::timestamp(3)
      AND NOT EXISTS (SELECT 1 FROM "Message" m
        WHERE m."key" = 'points_expiring:' || e."accountId" || ':' || to_char(e."expiresAt", 'YYYY-MM-DD') || ':email')
    LIMIT ${BATCH}`;
  let queued = 0;
  for (const { accountId } of accounts) {
    try {
      if (await remindAccount(accountId, now, until)) queued++;
    } catch (error) {
      console.error(`[loyalty] expiring points reminder for ${accountId} not queued`, error);
    }
  }
  return queued;
}

async function remindAccount(accountId: string, now: Date, until: Date): Promise<boolean> {
  const account = await db.loyaltyAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: { balance: true, user: { select: { email: true } } },
  });
  // Spending uses the oldest points first, so what expires next may be less than the lot (or a later lot).
  const next = nextExpiry(await pointsLots(db, accountId), account.balance, now);
  if (!next || next.points <= 0 || next.expiresAt > until) return false;
  const email = account.user.email;
  const base = env.APP_URL.replace(/\/$/, '');
  const content = await pointsExpiringEmail({
    points: next.points,
    worth: formatMoney(Math.floor(next.points / PROGRAMME.redeemStepPoints) * PROGRAMME.stepValueMinor, 'GBP'),
    date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(
      next.expiresAt,
    ),
    url: `${base}/account/rewards`,
    unsubscribeUrl: unsubscribePageUrl(email, 'OFFERS'),
  });
  const { queued } = await sendEmail(
    { to: email, ...content },
    {
      key: pointsExpiringKey(accountId, next.expiresAt),
      kind: 'points_expiring',
      topic: 'OFFERS',
      headers: unsubscribeHeaders(email, 'OFFERS'),
    },
  );
  return queued;
}
