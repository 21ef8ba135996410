import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../prisma/tools/paths';

// Everything `next build` reads from the repository (lib/generated included: `npm install` regenerates it).
const sourceDirs = ['app', 'components', 'lib', 'public'];
const sourceFiles = [
  'prisma/schema.prisma',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'next.config.mjs',
  'next.config.ts',
];
const distDir = process.env.NEXT_DIST_DIR || '.next';
const buildIdPath = join(repoRoot, distDir, 'BUILD_ID');
const stampPath = join(repoRoot, distDir, 'launcher-stamp');

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function sourcesMtime(): number {
  return Math.max(...[...sourceDirs, ...sourceFiles].map((path) => newestMtime(join(repoRoot, path))));
}

// Why a build is needed, or null when .next is newer than every source and was built for the same database mode.
export function buildReason(mode: string): string | null {
  if (!existsSync(buildIdPath)) return 'no production build yet';
  // A second server started beside the one that built (the end-to-end tests' Stripe-mode shop) serves that build
  // as it is: building again would replace the files the first one is serving.
  if (process.env.REUSE_BUILD === '1') return null;
  if (sourcesMtime() > statSync(buildIdPath).mtimeMs) return 'sources changed since the last build';
  const stamp = existsSync(stampPath) ? readFileSync(stampPath, 'utf8') : '';
  if (stamp !== mode) return 'the database changed since the last build';
  return null;
}

export function markBuilt(mode: string): void {
  writeFileSync(stampPath, mode);
}
