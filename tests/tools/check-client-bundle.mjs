// No discount code may reach a browser: the codes live in the database (DiscountCode) and the checkout page asks the
// server for its totals. This looks for every demo code (prisma/seed/discount-codes.json) in the files a build
// serves to browsers: <distDir>/static of each `.next*` build folder, or of the folders given as arguments.
// Exits 1 naming the files that contain one, or when there is no build to look at (so it never passes vacuously).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const codes = JSON.parse(readFileSync('prisma/seed/discount-codes.json', 'utf8')).map((c) => c.code);
const given = process.argv.slice(2);
const builds = given.length ? given : readdirSync('.').filter((d) => d.startsWith('.next') && statSync(d).isDirectory());
const roots = builds.map((d) => join(d, 'static')).filter((d) => existsSync(d));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

if (!roots.length) {
  console.error(`No built browser files to check (looked for static/ in ${builds.join(', ') || 'no .next* folder'}). Build first.`);
  process.exit(1);
}
let checked = 0;
const found = [];
for (const root of roots) {
  for (const path of files(root)) {
    const text = readFileSync(path, 'latin1');
    checked += 1;
    for (const code of codes) if (text.includes(code)) found.push(`${path}: ${code}`);
  }
}
if (found.length) {
  console.error(`Discount codes in files served to browsers:\n${found.join('\n')}`);
  process.exit(1);
}
console.log(`No discount code (${codes.join(', ')}) in ${checked} browser files under ${roots.join(', ')}.`);
