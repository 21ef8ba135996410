import { describe, expect, it } from 'vitest';
import { bagReminderEmail, bagReminderSms } from '@/lib/messaging/bag-reminders';
import { toE164 } from '@/lib/messaging/phone';
import { parseQuietHours, smsAllowedFrom } from '@/lib/messaging/quiet-hours';
import { checkoutConsentSchema, consentBodySchema } from '@/lib/messaging/schemas';
import { fitSms, plainSms, smsSegments } from '@/lib/messaging/sms-text';
import { twilioSignature, verifyTwilioSignature } from '@/lib/messaging/twilio-signature';
import { readUnsubscribeToken, unsubscribeHeaders, unsubscribeToken } from '@/lib/messaging/unsubscribe';
import { readyForPickupSms } from '@/lib/pickup/ready-email';

describe('SMS length', () => {
  it('counts GSM-7 septets (extension characters twice) and falls back to UCS-2', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
    expect(smsSegments('Ready – now')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('é'.repeat(71))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments('ę'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('keeps typographic dashes and quotes from turning a message into UCS-2, and picks the longest version that fits', () => {
    expect(plainSms('Open 09:00–18:00 · ‘today’')).toBe("Open 09:00-18:00 - 'today'");
    expect(fitSms(['x'.repeat(400), 'short'])).toBe('short');
    expect(() => fitSms(['x'.repeat(400)])).toThrow(/two segments/);
  });

  it('the ready SMS fits two segments with a long store name and URL, and keeps the code', () => {
    const text = readyForPickupSms({
      number: 'NW-123456',
      url: `https://shop.example.com/orders/${'c'.repeat(60)}`,
      store: { name: 'Northwind Supply – Covent Garden Flagship', addressLines: [], hoursToday: '10:00–20:00' },
      code: 'K7M4QP',
      qrCid: 'x',
    });
    expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toContain('K7M4QP');
    expect(bagReminderSms('https://shop.example.com/cart')).toMatch(/Reply STOP to opt out\.$/);
  });
});

describe('quiet hours', () => {
  it('lets an SMS go by day and holds one at night until 09:00 London time, in winter and summer', () => {
    const day = new Date('2026-12-07T12:00:00Z');
    expect(smsAllowedFrom(day)).toBe(day);
    expect(smsAllowedFrom(new Date('2026-12-07T21:00:00Z'))).toEqual(new Date('2026-12-08T09:00:00Z'));
    expect(smsAllowedFrom(new Date('2026-12-08T03:00:00Z'))).toEqual(new Date('2026-12-08T09:00:00Z'));
    // 20:30 UTC on 1 July is 21:30 BST: quiet until 09:00 BST (08:00 UTC).
    expect(smsAllowedFrom(new Date('2026-07-01T20:30:00Z'))).toEqual(new Date('2026-07-02T08:00:00Z'));
    expect(smsAllowedFrom(new Date('2026-07-01T19:59:00Z'))).toEqual(new Date('2026-07-01T19:59:00Z'));
    expect(smsAllowedFrom(new Date('2026-12-07T23:00:00Z'), parseQuietHours('off'))).toEqual(new Date('2026-12-07T23:00:00Z'));
  });
});

describe('signatures and tokens', () => {
  it("checks Twilio's request signature (URL + sorted parameters, HMAC-SHA1)", () => {
    const url = 'https://shop.example.com/api/v1/messaging/sms/inbound';
    const params = { From: '+447911123456', Body: 'STOP', To: '+447700900000' };
    const sig = twilioSignature('token', url, params);
    expect(verifyTwilioSignature('token', url, params, sig)).toBe(true);
    expect(verifyTwilioSignature('token', url, { ...params, Body: 'START' }, sig)).toBe(false);
    expect(verifyTwilioSignature('other', url, params, sig)).toBe(false);
    expect(verifyTwilioSignature('token', url, params, null)).toBe(false);
  });

  it('an unsubscribe token names one address and topic; any change breaks it', () => {
    const token = unsubscribeToken('Shopper@Example.com', 'BAG_REMINDERS');
    expect(readUnsubscribeToken(token)).toEqual({ email: 'shopper@example.com', topic: 'BAG_REMINDERS' });
    expect(readUnsubscribeToken(token.slice(0, -2))).toBeNull();
    const [, mac] = token.split('.');
    expect(readUnsubscribeToken(`${Buffer.from('{"e":"x@example.com","t":"BAG_REMINDERS"}').toString('base64url')}.${mac}`)).toBeNull();
  });

  it('reminder e-mails carry RFC 8058 one-click headers and a visible unsubscribe link', async () => {
    const headers = unsubscribeHeaders('a@example.com', 'OFFERS');
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers['List-Unsubscribe']).toMatch(/^<https?:\/\/[^>]+\/api\/v1\/messaging\/unsubscribe\?token=[^>]+>$/);
    const mail = await bagReminderEmail({
      email: 'a@example.com',
      url: 'https://x/cart',
      lines: [{ name: 'Tee <b>', quantity: 2, price: '£50.00' }],
    });
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('/unsubscribe?token=');
    expect(mail.html).toContain('Tee &lt;b&gt;');
    expect(mail.html).toContain('No more bag reminders');
  });
});

describe('phone numbers and consent input', () => {
  it('normalises UK and international mobile numbers to E.164 and refuses the rest', () => {
    expect(toE164('07911 123456')).toBe('+447911123456');
    expect(toE164('+44 (0)7911 123456')).toBe('+447911123456');
    expect(toE164('+1 415 555 2671')).toBe('+14155552671');
    expect(toE164('12345')).toBeNull();
    expect(consentBodySchema.safeParse({ channel: 'sms', topic: 'orders', granted: true, phone: 'call me' }).success).toBe(false);
    expect(consentBodySchema.parse({ channel: 'sms', topic: 'offers', granted: true, phone: '07911123456' }).phone).toBe('+447911123456');
  });

  it('the checkout boxes default to unticked and need a valid number only when SMS is ticked', () => {
    expect(checkoutConsentSchema.parse({})).toEqual({ smsUpdates: false, offers: false });
    expect(checkoutConsentSchema.safeParse({ smsUpdates: true, phone: '0123' }).error?.issues[0]?.path).toEqual(['phone']);
    expect(checkoutConsentSchema.safeParse({ smsUpdates: false, phone: '0123', offers: true }).success).toBe(true);
  });
});
