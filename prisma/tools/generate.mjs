// postinstall: generate the Prisma client offline.
// `prisma generate` insists on finding its native schema engine (which it would download) even though
// it does not use it; point it at any existing file when the engine is absent (see ../shared/DESIGN.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const enginesDir = fileURLToPath(new URL('../../node_modules/@prisma/engines', import.meta.url));
const hasEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
