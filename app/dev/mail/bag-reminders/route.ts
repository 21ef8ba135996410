// POST /dev/mail/bag-reminders – development outbox only: start the due bag reminders now, without the idle hour
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sweepBagReminders } from '@/lib/messaging/bag-reminders';
import { emailTransport } from '@/lib/messaging/transports';

// For seeing (and testing end to end) a bag reminder without leaving a bag for an hour: every bag whose owner agreed
// to bag reminders and that has none yet gets its e-mail, through the same sweep, worker and outbox as ever. Served
// only where /dev/mail is, and only while e-mail goes to that outbox: nothing real can be sent early from here.
export const POST = route({ label: 'dev bag reminders' }, async () => {
  if (!env.devMailEnabled || emailTransport() !== 'outbox') throw new AppError(404, 'not_found', 'Not found.');
  const { started } = await sweepBagReminders(new Date(), { afterMinutes: 0 });
  return apiJson({ started }, { headers: { 'Cache-Control': 'no-store' } });
});
