import { spawn, type ChildProcess } from 'node:child_process';
import type { BenchDatabase } from './database';

// Starts the production server with `npm start` (migrate, seed, build if needed, then `next start`) on the bench's
// database (embedded or a real server). Both are demo mode, so it listens on 127.0.0.1, where the bench connects.
export async function startServer(opts: { port: number; db: BenchDatabase; fresh?: boolean; env?: Record<string, string> }) {
  if (opts.fresh) await opts.db.reset();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'HOST', 'DEMO_PUBLIC', 'NEXT_COMPRESS', 'NEXT_OUTPUT']) delete env[name];
  Object.assign(env, {
    PORT: String(opts.port),
    APP_URL: `http://127.0.0.1:${opts.port}`,
    AUTH_URL: `http://127.0.0.1:${opts.port}`,
    ...opts.db.serverEnv(),
    ...opts.env,
  });
  const child: ChildProcess = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/products?pageSize=1`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
