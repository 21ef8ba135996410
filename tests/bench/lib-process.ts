import { spawn } from 'node:child_process';
import { applyMigrations } from '../../prisma/tools/migrate';
import type { BenchDatabase } from './database';

// The lib modules import 'server-only' and read their database from the environment (lib/db, lib/env), as in the
// server. A section that calls them directly runs them in a child process of its own, as `npm run worker` does
// (tsx --conditions=react-server), pointed at a new database of its own: the embedded one started here and reached
// through its socket, or a new database on the real PostgreSQL server. The child prints its figures as one line
// `RESULT <json>`; everything else it prints is passed through.
export async function runInLibProcess<T>(script: string, database: BenchDatabase, env: Record<string, string> = {}): Promise<T> {
  await database.reset();
  const opened = await database.open();
  try {
    await applyMigrations(opened.url);
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...database.serverEnv(), ...env };
    if (!('DATABASE_URL' in database.serverEnv())) delete childEnv.DATABASE_URL;
    const child = spawn('npx', ['tsx', '--conditions=react-server', script], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    let result: T | undefined;
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
        if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7)) as T;
        else console.log(line);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0 || result === undefined) throw new Error(`${script} exited with ${code} and no result`);
    return result;
  } finally {
    await opened.close();
    await database.drop();
  }
}

// For the child: its figures, as the one line the parent reads.
export function printResult(result: unknown) {
  console.log(`RESULT ${JSON.stringify(result)}`);
}
