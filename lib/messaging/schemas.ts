import { z } from 'zod';
import { toE164 } from './phone';

export const channelSchema = z.enum(['email', 'sms']);
export const topicSchema = z.enum(['orders', 'bag_reminders', 'offers']);

export const phoneSchema = z
  .string()
  .trim()
  .min(1, 'Enter a mobile number.')
  .max(32, 'That number is too long.')
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'Enter a valid mobile number, such as 07911 123456 or +44 7911 123456.' });
      return z.NEVER;
    }
    return e164;
  });

export const consentBodySchema = z.object({
  channel: channelSchema,
  topic: topicSchema,
  granted: z.boolean(),
  // Needed to turn on an SMS topic unless the account already gave a number.
  phone: phoneSchema.optional(),
});
export type ConsentBody = z.output<typeof consentBodySchema>;

export const consentStateSchema = z.object({
  channel: channelSchema,
  topic: topicSchema,
  granted: z.boolean(),
  required: z.boolean(),
  phone: z.string().nullable(),
  source: z.enum(['checkout', 'account', 'store', 'unsubscribe', 'sms_stop']).nullable(),
  changedAt: z.string().nullable(),
});
export const consentResponseSchema = z.object({ consents: z.array(consentStateSchema) });

// The checkout's boxes: both unticked unless the shopper ticks them.
export const checkoutConsentSchema = z
  .object({
    smsUpdates: z.boolean().default(false),
    phone: z.string().trim().max(32).optional(),
    offers: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (!value.smsUpdates) return;
    if (!value.phone || !toE164(value.phone))
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Enter a valid mobile number for text updates, such as 07911 123456.',
      });
  });
export type CheckoutConsent = z.output<typeof checkoutConsentSchema>;

// What the staff 360° view shows of a shopper's messages (GET /api/v1/staff/orders/{id}/customer): each channel ×
// topic with when and where it last changed, and the latest messages with what became of each (no content beyond
// an e-mail's subject).
export const contactMessagingSchema = z.object({
  consents: z.array(consentStateSchema.omit({ phone: true })),
  messages: z.array(
    z.object({
      kind: z.string(),
      channel: channelSchema,
      status: z.enum(['queued', 'sending', 'sent', 'skipped', 'failed']),
      subject: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type ContactMessagingJson = z.infer<typeof contactMessagingSchema>;
