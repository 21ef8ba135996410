import { z } from 'zod';

// Every environment variable the app reads, parsed once. Documented in README.md ("Configuration").
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const databaseUrl = z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: databaseUrl.optional(),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  EMBEDDED_DB_DIR: z.string().default('.data/pglite'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  APP_URL: z.url().default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(16).optional(),
  // Proxies/load balancers in front of the app (IPs or CIDRs, comma-separated): only their X-Forwarded-* are believed.
  TRUSTED_PROXIES: z.string().trim().optional(),
  DEMO_MODE: bool.optional(),
  // Where `npm start` / `npm run dev` listen; in demo mode another address than loopback also needs DEMO_PUBLIC=true.
  HOST: z.string().trim().optional(),
  DEMO_PUBLIC: bool.optional(),
  DEV_MAIL_ENABLED: bool.optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Northwind Supply <hello@northwind.test>'),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_APPLE_ID: z.string().optional(),
  AUTH_APPLE_SECRET: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_BASE: z.url().optional(),
  // How long checkout holds stock for an order awaiting payment.
  HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SHOP_CURRENCY: z.string().length(3).default('GBP'),
  SEED_SCALE: z.enum(['demo', 'bench']).default('demo'),
  // off: commerce events are not recorded (the analytics bench's baseline for what recording costs a request).
  ANALYTICS_RECORDING: z.enum(['on', 'off']).default('on'),
  // Messages (lib/messaging): the queue's worker runs inside the server unless MESSAGE_WORKER=off (then `npm run worker`).
  MESSAGE_WORKER: z.enum(['on', 'off']).default('on'),
  // SMS through Twilio's Messages API when these are set, else the development outbox; TWILIO_API_BASE only for tests.
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_API_BASE: z.url().default('https://api.twilio.com'),
  // Bag reminders: the e-mail after the bag sat untouched this long, the SMS this long after the e-mail.
  BAG_REMINDER_AFTER_MINUTES: z.coerce.number().int().min(1).default(60),
  BAG_REMINDER_SMS_AFTER_HOURS: z.coerce.number().int().min(1).default(24),
  // No SMS between these London hours ("21-9"); "off" only for tests that must see an SMS at any hour.
  SMS_QUIET_HOURS: z
    .string()
    .regex(/^(off|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/, 'SMS_QUIET_HOURS is "off" or "FROM-UNTIL" in whole hours, e.g. 21-9')
    .default('21-9'),
});

function parseEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  return {
    ...e,
    embedded,
    // PGlite runs one transaction at a time and its socket breaks when several connections interleave them.
    dbPoolMax: e.DB_POOL_MAX ?? (embedded ? 1 : 10),
    databaseUrl: e.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${e.EMBEDDED_DB_PORT}/postgres`,
    // Demo mode (demo accounts, demo payments, the /dev/mail outbox) is on for the embedded database unless switched off.
    demoMode: e.DEMO_MODE ?? embedded,
    devMailEnabled: e.DEV_MAIL_ENABLED ?? (e.NODE_ENV !== 'production' || (e.DEMO_MODE ?? embedded)),
    stripeEnabled: Boolean(e.STRIPE_SECRET_KEY && e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY),
  };
}

export type Env = ReturnType<typeof parseEnv>;
export const env: Env = parseEnv();

// DATABASE_URL as it is now, for a pool opened later (the job queue's): the integration tests point it at each test
// file's own database after this module has been loaded (tests/helpers/integration-setup.ts).
export function currentDatabaseUrl(): string {
  const now = process.env.DATABASE_URL;
  return now ? databaseUrl.parse(now) : env.databaseUrl;
}
