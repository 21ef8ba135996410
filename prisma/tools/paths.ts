import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const schemaPath = join(repoRoot, 'prisma/schema.prisma');
export const migrationsDir = join(repoRoot, 'prisma/migrations');
export const dataDir = join(repoRoot, '.data');
// Same default as lib/env.ts (EMBEDDED_DB_DIR); the tests and benchmarks use folders of their own.
export const pgliteDir = resolve(repoRoot, process.env.EMBEDDED_DB_DIR ?? '.data/pglite');
export const authSecretPath = join(dataDir, 'auth-secret');
