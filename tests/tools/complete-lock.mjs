#!/usr/bin/env node
// The npm registry this project's machines reach holds only the Linux builds of packages that
// ship per-platform binaries (Next's SWC, Tailwind's oxide, unrs-resolver…). `npm install`
// then leaves the other platforms' optional packages out of package-lock.json, and `npm ci`
// refuses the lock as out of sync. This adds those entries back as a public registry would
// write them: optional, with the os/cpu that keeps npm from installing them here.
// Run after any `npm install` that changes the lock: `node tests/tools/complete-lock.mjs`. With --check it only
// reports (exit 1) a lock that `npm ci` would refuse; `npm test` runs that check first.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  arm: 'arm',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
  wasm32: 'wasm32',
  armv7: 'arm',
  x86_64: 'x64',
  universal: 'arm64',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('wasm32') ? undefined : undefined);
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

const check = process.argv.includes('--check');
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency next to the dependent first, then at the top level.
    const nested = `${path ? path + '/' : ''}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (packages[nested] || packages[top]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!cpu) continue; // not a per-platform binary: leave it to npm
    packages[top] = {
      version: range.replace(/^[\^~=]/, ''),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
      ...(entry.dev ? { dev: true } : {}), // as npm marks them: dev when their dependent is
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added++;
  }
}

if (check) {
  if (added) console.error(`complete-lock: ${added} platform entries are missing; run node tests/tools/complete-lock.mjs`);
  else console.log('complete-lock: package-lock.json is complete');
  process.exit(added ? 1 : 0);
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} platform entr${added === 1 ? 'y' : 'ies'}`);
