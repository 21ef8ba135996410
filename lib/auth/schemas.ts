import { z } from 'zod';
import { text } from '@/lib/validation/text';

const emailSchema = text().toLowerCase().pipe(z.email('Enter a valid e-mail address.').max(254));

export const signInSchema = z.object({
  email: emailSchema,
  password: text({ trim: false }).min(1, 'Enter your password.').max(200),
});

export const signUpSchema = z.object({
  name: text().min(1, 'Enter your name.').max(100),
  email: emailSchema,
  password: text({ trim: false }).min(10, 'Use at least 10 characters.').max(200),
});

export const magicLinkSchema = z.object({ email: emailSchema });

export const passwordChangeSchema = z.object({
  // Empty for an account that has no password yet (signed up by link or a provider).
  currentPassword: z.string().max(200).default(''),
  newPassword: z.string().min(10, 'Use at least 10 characters.').max(200),
});

export const profileSchema = z.object({
  name: text().min(1, 'Enter your name.').max(100),
  phone: text()
    .max(30)
    .regex(/^[+0-9 ()-]*$/, 'Use digits, spaces and + only.')
    .transform((v) => v || null),
});

export const addressSchema = z.object({
  name: text().min(1, 'Enter a name.').max(100),
  line1: text().min(1, 'Enter the first line of the address.').max(120),
  line2: text()
    .max(120)
    .transform((v) => v || null),
  city: text().min(1, 'Enter a town or city.').max(80),
  postcode: text().toUpperCase().min(2, 'Enter a postcode.').max(10),
  country: text().toUpperCase().length(2).default('GB'),
});

export const addressIdSchema = z.object({ id: text().min(1).max(64) });
