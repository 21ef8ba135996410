// `npm test`: static checks, unit, integration and end-to-end tests, in that order; stops at the first failure.
// Integration tests use DATABASE_URL when set (each file creates and drops its own database), else embedded ones.
// End-to-end tests always run on a production server started like `npm start`, on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const steps = [
  // `npm ci` refuses a lock that lacks other platforms' optional packages (see tests/tools/complete-lock.mjs).
  ['lock', 'node', ['tests/tools/complete-lock.mjs', '--check']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
  // The recommender must beat the best simple baselines of ../shared/RECS_EVAL.md on the shared data.
  [
    'recs',
    'npm',
    [
      'run',
      '--silent',
      'recs:eval',
      '--',
      '--train',
      '../shared/data/online-retail/train.csv',
      '--test',
      '../shared/data/online-retail/validation.csv',
      '--min-next-basket',
      '0.6126',
      '--min-completion',
      '0.1702',
    ],
  ],
  ['e2e', 'npx', ['playwright', 'test']],
  // On the build the end-to-end run just made: no discount code reaches a browser bundle.
  ['bundle', 'node', ['tests/tools/check-client-bundle.mjs']],
];
const only = process.argv.slice(2);

for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue;
  const env = { ...process.env };
  if (name === 'e2e') {
    delete env.DATABASE_URL;
    // The demo shop's database and the Stripe-mode shop's (tests/e2e/servers.ts).
    for (const dir of ['.data/e2e', '.data/e2e-stripe']) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(`◀ ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
