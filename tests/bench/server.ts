import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

// Starts the production server the way `npm start` does, on an embedded database of its own.
export async function startServer(opts: { port: number; dbPort: number; dataDir: string; fresh?: boolean; env?: Record<string, string> }) {
  if (opts.fresh) rmSync(opts.dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    EMBEDDED_DB_PORT: String(opts.dbPort),
    EMBEDDED_DB_DIR: opts.dataDir,
    APP_URL: `http://127.0.0.1:${opts.port}`,
    AUTH_URL: `http://127.0.0.1:${opts.port}`,
    ...opts.env,
  };
  delete env.DATABASE_URL;
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
