// GET /cart/reminder/{id} – the link in a bag reminder: records the opening, then shows the bag
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { env } from '@/lib/env';
import { recordReminderOpened, reminderParamsSchema } from '@/lib/messaging/reminder-opened';

// No sign-in needed: the id only names a bag reminder series, and the bag page shows whoever follows the link their
// own bag. A mangled or unknown id records nothing and still lands on the bag rather than an error page.
export const GET = route({ params: z.object({ id: z.string().max(200) }), label: 'bag reminder link' }, async ({ params }) => {
  const reminder = reminderParamsSchema.safeParse(params);
  if (reminder.success)
    await recordReminderOpened(reminder.data.id).catch((error: unknown) =>
      console.error('[messaging] reminder opening not recorded', error),
    );
  return Response.redirect(`${env.APP_URL.replace(/\/$/, '')}/cart`, 303);
});
