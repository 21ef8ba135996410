import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid e-mail address.').max(254));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  email: emailSchema,
  password: z.string().min(10, 'Use at least 10 characters.').max(200),
});

export const magicLinkSchema = z.object({ email: emailSchema });

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ()-]*$/, 'Use digits, spaces and + only.')
    .transform((v) => v || null),
});

export const addressSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  line1: z.string().trim().min(1, 'Enter the first line of the address.').max(120),
  line2: z
    .string()
    .trim()
    .max(120)
    .transform((v) => v || null),
  city: z.string().trim().min(1, 'Enter a town or city.').max(80),
  postcode: z.string().trim().toUpperCase().min(2, 'Enter a postcode.').max(10),
  country: z.string().trim().toUpperCase().length(2).default('GB'),
});

export const addressIdSchema = z.object({ id: z.string().min(1).max(64) });
