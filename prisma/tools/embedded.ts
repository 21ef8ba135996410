import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ToolError } from './errors';
import { pgliteDir } from './paths';

// PGlite's socket server writes a query's reply as several messages, one system call each (about four per statement,
// strace). Writes made in the same tick go out as one: about 0.06 ms less of the database's CPU per statement. The
// hook sits on its net.Server's "connection", which fires before the server attaches the socket (on setImmediate).
function coalesceReplies(server: PGLiteSocketServer) {
  const net = (server as unknown as { server?: Server }).server;
  net?.on('connection', (socket: Socket) => {
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    let corked = false;
    socket.write = ((...args: unknown[]) => {
      if (!corked) {
        corked = true;
        socket.cork();
        process.nextTick(() => {
          corked = false;
          socket.uncork();
        });
      }
      return write(...args);
    }) as Socket['write'];
  });
}

export interface EmbeddedOptions {
  /** Folder for the data; null keeps everything in memory (tests, scratch databases). */
  dataDir?: string | null;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Start from a dump made by PGlite's dumpDataDir (a migrated template). */
  loadDataDir?: Blob;
  /** Must stay above the app's pool size (DB_POOL_MAX) times the processes sharing it (next build runs several). */
  maxConnections?: number;
}

export interface EmbeddedDb {
  url: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
}

export interface LockInfo {
  pid: number;
  port: number;
}

export function lockPath(dataDir: string): string {
  return `${dataDir}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The live process holding the data folder, if any (a lock left by a dead process does not count).
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function acquireLock(dataDir: string, port: number): () => void {
  const file = lockPath(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, port }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder) {
        throw new ToolError(
          `The embedded database in ${dataDir} is in use by process ${holder.pid} (port ${holder.port}). Stop it first, or set DATABASE_URL.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new ToolError(`Could not lock ${dataDir}; remove ${file} if no other process uses it.`);
}

function portTakenMessage(host: string, port: number): string {
  return `Port ${port} on ${host} is already in use, so the embedded database cannot start. Stop what uses it or set EMBEDDED_DB_PORT.`;
}

async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new ToolError(portTakenMessage(host, port)) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

// Starts PGlite and serves it on loopback with the PostgreSQL wire protocol.
export async function startEmbedded(options: EmbeddedOptions = {}): Promise<EmbeddedDb> {
  const dataDir = options.dataDir === undefined ? pgliteDir : options.dataDir;
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 54329;
  const release = dataDir ? acquireLock(dataDir, requestedPort) : () => {};
  let db: PGlite | undefined;
  try {
    await assertPortFree(host, requestedPort);
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir ?? undefined, {
      extensions: { pg_trgm, unaccent },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const server = new PGLiteSocketServer({ db, host, port: requestedPort, maxConnections: options.maxConnections ?? 100 });
    await server.start().catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new ToolError(portTakenMessage(host, requestedPort)) : error;
    });
    coalesceReplies(server);
    const port = Number(server.getServerConn().split(':').pop());
    if (dataDir) writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, port }));
    let stopping: Promise<void> | undefined;
    const opened = db;
    return {
      url: `postgresql://postgres@${host}:${port}/postgres`,
      port,
      db: opened,
      stop() {
        // Close the sockets first so no query arrives while PGlite flushes its data to disk.
        stopping ??= server
          .stop()
          .then(() => opened.close())
          .finally(release);
        return stopping;
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}

// For short-lived commands: Ctrl-C or a TERM still closes the database properly.
export function stopOnSignals(embedded: EmbeddedDb): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    void embedded.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
