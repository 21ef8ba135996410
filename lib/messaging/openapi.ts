import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi';
import { consentBodySchema, consentResponseSchema } from './schemas';

export const messagingOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/account/consent',
    summary:
      "The signed-in shopper's consent for every channel (email, sms) × topic (orders, bag_reminders, offers): granted, the phone number for SMS, and when and where it last changed. Order e-mails are always on (`required`)",
    responses: { 200: { description: 'Every channel × topic', schema: consentResponseSchema }, 401: { description: 'Not signed in' } },
  },
  {
    method: 'put',
    path: '/api/v1/account/consent',
    summary:
      'Give or withdraw one channel × topic (appended to the history, source `account`). Turning on an SMS topic needs a mobile number (`phone`, any common UK or international form, stored as E.164) unless one was given before',
    body: consentBodySchema,
    responses: {
      200: { description: 'Every channel × topic after the change', schema: consentResponseSchema },
      400: { description: 'Bad input, or `phone_required`' },
      401: { description: 'Not signed in' },
      422: { description: '`consent_required`: order e-mails cannot be turned off' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/messaging/unsubscribe',
    summary:
      "One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the URL in an e-mail's List-Unsubscribe header; the signed `token` names the address and topic to turn off",
    query: z.object({ token: z.string() }),
    responses: { 200: { description: 'Turned off' }, 400: { description: 'Missing, tampered or expired token' } },
  },
  {
    method: 'post',
    path: '/api/v1/messaging/sms/inbound',
    summary:
      'Inbound SMS webhook (Twilio form post, signed with X-Twilio-Signature). STOP (or STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) withdraws every SMS topic for that number',
    responses: { 200: { description: 'TwiML, empty' }, 403: { description: 'Missing or wrong signature' } },
  },
];
