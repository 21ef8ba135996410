// The newcomer's path behind `npm start` and `npm run dev`: database up, migrated, seeded, built, served.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countProducts, loadEnv, migrate, runSeed, seedAvailable } from './database';
import { startEmbedded, type EmbeddedDb } from './embedded';
import { checkConnection, ToolError } from './errors';
import { buildReason, markBuilt } from './launcher-build';
import { bundleServer } from './server-bundle';
import { authSecretPath, pgliteDir, repoRoot } from './paths';

export { startEmbedded, type EmbeddedDb, type EmbeddedOptions } from './embedded';

type Mode = 'start' | 'dev';
type Env = Awaited<ReturnType<typeof loadEnv>>;

// What must be stopped on the way out.
interface Session {
  embedded: EmbeddedDb | null;
  child: ChildProcess | null;
  stopping: boolean;
}

// AUTH_SECRET from the environment, else one generated on first run and kept in .data/auth-secret.
function ensureAuthSecret(fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  if (existsSync(authSecretPath)) return readFileSync(authSecretPath, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(authSecretPath), { recursive: true });
  writeFileSync(authSecretPath, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function elapsed(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

// A larger young generation means fewer, cheaper garbage collections under load: about 15% more requests per
// second and a shorter latency tail for the production server on this project's 2-core machines (npm run bench).
// Set through NODE_OPTIONS so that it also reaches any worker the server starts.
const SERVER_NODE_OPTIONS = '--max-semi-space-size=64';

// `next build` and `next dev` as they come; `start` runs this project's server (serve.ts, bundled by bundleServer).
function runNode(session: Session, command: string[], env: NodeJS.ProcessEnv, { pipeStdout = false, serving = false } = {}) {
  const nodeOptions = serving ? [env.NODE_OPTIONS, SERVER_NODE_OPTIONS].filter(Boolean).join(' ') : env.NODE_OPTIONS;
  const child = spawn(process.execPath, command, {
    cwd: repoRoot,
    env: { ...env, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
    stdio: ['inherit', pipeStdout ? 'pipe' : 'inherit', 'inherit'],
  });
  session.child = child;
  const exit = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  return { child, exit };
}

const nextBin = () => createRequire(import.meta.url).resolve('next/dist/bin/next');

async function prepareDatabase(session: Session, env: Env, started: number): Promise<string> {
  let url = env.databaseUrl;
  if (env.embedded) {
    session.embedded = await startEmbedded({ dataDir: pgliteDir, port: env.EMBEDDED_DB_PORT });
    url = session.embedded.url;
    console.log(`  Embedded PostgreSQL on 127.0.0.1:${session.embedded.port}, data in .data/pglite (${elapsed(started)})`);
  } else {
    await checkConnection(url, { createIfMissing: true });
    console.log(`  PostgreSQL from DATABASE_URL at ${new URL(url).host}`);
  }
  await migrate(url);
  if ((await countProducts(url)) === 0) {
    if (seedAvailable()) await runSeed(url);
    else console.warn('  The database is empty and there is no demo seed yet (prisma/seed/index.ts).');
  }
  console.log(`  Database ready (${elapsed(started)})`);
  return url;
}

async function serve(session: Session, mode: Mode, env: Env, started: number): Promise<number> {
  const port = process.env.PORT ?? '3000';
  const url = await prepareDatabase(session, env, started);
  // With the embedded database DATABASE_URL stays unset, so the app knows it is embedded (demo mode);
  // lib/env.ts then points it at 127.0.0.1:EMBEDDED_DB_PORT, which is this process's server.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: ensureAuthSecret(env.AUTH_SECRET),
    APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
    ...(session.embedded ? { EMBEDDED_DB_PORT: String(session.embedded.port) } : {}),
  };

  if (mode === 'start') {
    const dbMode = session.embedded ? 'embedded' : createHash('sha256').update(url).digest('hex').slice(0, 16);
    const reason = buildReason(dbMode);
    if (reason) {
      console.log(`  Building the app (${reason}); the first build takes a few minutes.`);
      const code = await runNode(session, [nextBin(), 'build'], childEnv).exit;
      if (code !== 0 || session.stopping) return code || 130;
      markBuilt(dbMode);
      console.log(`  Built (${elapsed(started)})`);
    }
  }

  const command = mode === 'start' ? [await bundleServer()] : [nextBin(), 'dev', '-p', port];
  const server = runNode(session, command, childEnv, { pipeStdout: true, serving: mode === 'start' });
  let announced = false;
  server.child.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (announced || !/Ready in/i.test(chunk.toString())) return;
    announced = true;
    console.log(
      `\n  Northwind Supply is open at http://localhost:${port} (ready in ${elapsed(started)})\n` +
        (env.demoMode ? '  Demo accounts (shopper, store associates, admin): README.md, "Demo accounts".\n' : '') +
        '  Press Ctrl+C to stop.\n',
    );
  });
  return server.exit;
}

async function launch(mode: Mode): Promise<number> {
  const started = Date.now();
  const env = await loadEnv();
  const session: Session = { embedded: null, child: null, stopping: false };
  const stop = async (code: number) => {
    session.stopping = true;
    await session.embedded?.stop();
    return code;
  };
  // Ctrl+C reaches next too (same process group); TERM from a supervisor may not, so forward it.
  // The database stops once next has exited, so no request is cut off mid-query.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (session.child && session.child.exitCode === null) session.child.kill(signal);
      else if (!session.stopping) void stop(signal === 'SIGINT' ? 130 : 143).then((code) => process.exit(code));
    });
  }
  console.log(`Northwind Supply (${mode === 'dev' ? 'development' : 'production'})`);
  try {
    return await stop(await serve(session, mode, env, started));
  } catch (error) {
    await stop(1);
    throw error;
  }
}

const entry = process.argv[1] ? pathToFileURL(process.argv[1]).href : '';
if (import.meta.url === entry) {
  const mode = process.argv[2];
  if (mode !== 'start' && mode !== 'dev') {
    console.error('Usage: tsx prisma/tools/run.ts start|dev');
    process.exit(1);
  }
  launch(mode).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ToolError) console.error(error.message);
      else console.error(process.env.DEBUG ? error : `${error instanceof Error ? error.message : String(error)} (set DEBUG=1 for details)`);
      process.exit(1);
    },
  );
}
