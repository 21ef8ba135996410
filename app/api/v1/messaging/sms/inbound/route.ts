// POST /api/v1/messaging/sms/inbound – Twilio's inbound SMS webhook: "STOP" withdraws SMS consent for that number
import { apiError } from '@/lib/api/respond';
import { route } from '@/lib/api/route';
import { handleInboundSms } from '@/lib/messaging/inbound';

export const POST = route({ body: 'text', crossSite: 'allow', label: 'sms-inbound' }, async ({ request, body }) => {
  const handled = await handleInboundSms(body, request.headers.get('x-twilio-signature'));
  if (!handled) return apiError(403, 'bad_signature', 'The request is not signed by the SMS provider.');
  return new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', { headers: { 'Content-Type': 'text/xml' } });
});
