// GET|PUT /api/v1/account/consent – the signed-in shopper's consent per channel and topic, and changing one
import { apiJson } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { unauthenticated } from '@/lib/auth/errors';
import { getSessionUser } from '@/lib/auth/session';
import { getMyConsents, setMyConsent } from '@/lib/messaging/account-consent';
import { consentBodySchema } from '@/lib/messaging/schemas';

const noStore = { 'Cache-Control': 'private, no-store' };
const internal = 'Your communication preferences could not be saved. Please try again.';

async function signedIn() {
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  return user;
}

export const GET = route({ label: 'consent', internal }, async () =>
  apiJson({ consents: await getMyConsents(await signedIn()) }, { headers: noStore }),
);

export const PUT = route({ body: consentBodySchema, label: 'consent', internal }, async ({ body }) =>
  apiJson({ consents: await setMyConsent(await signedIn(), body) }, { headers: noStore }),
);
