import pg from 'pg';

// An error whose message is complete and meant for the person at the terminal: printed as is, no stack.
export class ToolError extends Error {
  override name = 'ToolError';
}

const loopback = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

export function describeHost(url: string): { host: string; port: string; database: string; local: boolean } {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get('host');
  const host = parsed.hostname || socketHost || 'localhost';
  const local = loopback.has(parsed.hostname) || (!parsed.hostname && Boolean(socketHost?.startsWith('/')));
  return { host, port: parsed.port || '5432', database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres', local };
}

const hints: Record<string, string> = {
  ECONNREFUSED: 'is it running?',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  '28P01': 'password authentication failed',
  '28000': 'authentication refused',
  '3D000': 'database does not exist',
};

// One line that names the server, the cause and what to check.
function connectionErrorMessage(url: string, error: unknown): string {
  const { host, port, database } = describeHost(url);
  const err = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = err.code ?? err.errors?.[0]?.code ?? '';
  const hint = hints[code];
  const cause = code ? `${code}${hint ? `, ${hint}` : ''}` : (err.message ?? String(error)).split('\n')[0];
  const where = code === '3D000' ? `database "${database}" at ${host}:${port}` : `PostgreSQL at ${host}:${port}`;
  return `Cannot connect to ${where} (${cause}). Check DATABASE_URL.`;
}

function safeUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new ToolError('DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database).');
  }
}

// Connects once with a short timeout so a wrong URL fails fast with one clear line.
// With createIfMissing, a missing database is created (as `prisma migrate deploy` does).
export async function checkConnection(url: string, { createIfMissing = false } = {}): Promise<{ created: boolean }> {
  safeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return { created: false };
  } catch (error) {
    if ((error as { code?: string }).code === '3D000' && createIfMissing) {
      await createDatabase(url);
      return { created: true };
    }
    throw new ToolError(connectionErrorMessage(url, error));
  } finally {
    await client.end().catch(() => {});
  }
}

async function createDatabase(url: string): Promise<void> {
  const target = safeUrl(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    throw new ToolError(connectionErrorMessage(maintenance.toString(), error));
  } finally {
    await client.end().catch(() => {});
  }
}
