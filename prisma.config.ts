import { defineConfig } from 'prisma/config';

// The URL is only needed by `prisma migrate`/`studio` where the native engine is available;
// the offline tooling in prisma/tools resolves the database itself (embedded or DATABASE_URL).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:54329/postgres' },
});
