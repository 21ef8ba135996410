import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath, readLock, startEmbedded } from '@/prisma/tools/embedded';
import { applyMigrations, readMigrationsList } from '@/prisma/tools/migrate';
import { migrationsDir, repoRoot } from '@/prisma/tools/paths';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/db';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.drop());

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

function listen(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, script, ...args], { cwd: repoRoot, env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const runCli = (args: string[], env: NodeJS.ProcessEnv) => runScript('scripts/cli.ts', args, env);

// The environment of a start that sets only what the test names.
function startEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'DEMO_MODE', 'DEV_MAIL_ENABLED', 'HOST', 'DEMO_PUBLIC', 'SEED_SCALE']) delete env[name];
  return { ...env, ...vars };
}

describe('migrations', () => {
  it('records every migration in _prisma_migrations as prisma migrate deploy does', async () => {
    const { migrationDirectories } = await readMigrationsList();
    const rows = await test.db.$queryRaw<MigrationRow[]>`
      SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
      FROM _prisma_migrations ORDER BY migration_name`;

    expect(migrationDirectories.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((dir) => dir.path));
    for (const row of rows) {
      const sql = readFileSync(join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    const before = await test.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM _prisma_migrations`;
    expect(await applyMigrations(test.url)).toEqual([]);
    const after = await test.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM _prisma_migrations`;
    expect(after[0]?.count).toBe(before[0]?.count);
  });
});

describe('stock checks', () => {
  let variantId: string;
  let locationId: string;

  beforeAll(async () => {
    const category = await test.db.category.create({ data: { slug: 'checks', name: 'Checks', description: '' } });
    const product = await test.db.product.create({
      data: { slug: 'check-tee', name: 'Check tee', description: '', categoryId: category.id },
    });
    const variant = await test.db.variant.create({ data: { productId: product.id, sku: 'CHK-1', priceMinor: 1500 } });
    const location = await test.db.location.create({
      data: {
        code: 'CHK',
        slug: 'check-store',
        type: 'STORE',
        name: 'Check store',
        addressLine1: '1 Test Street',
        city: 'London',
        postcode: 'E1 6AN',
        latitude: 51.5,
        longitude: -0.1,
        openingHours: [],
      },
    });
    variantId = variant.id;
    locationId = location.id;
    await test.db.stock.create({ data: { variantId, locationId, onHand: 3, reserved: 1 } });
  });

  const where = () => ({ variantId_locationId: { variantId, locationId } });

  it('refuses to reserve more than is on hand', async () => {
    await expect(test.db.stock.update({ where: where(), data: { reserved: 4 } })).rejects.toThrow(/Stock_reserved_check/);
    expect((await test.db.stock.findUniqueOrThrow({ where: where() })).reserved).toBe(1);
  });

  it('refuses negative stock', async () => {
    await expect(test.db.stock.update({ where: where(), data: { onHand: -1, reserved: 0 } })).rejects.toThrow(/Stock_onHand_check/);
    await expect(test.db.stock.update({ where: where(), data: { reserved: -1 } })).rejects.toThrow(/Stock_reserved_check/);
  });

  it('refuses a negative price', async () => {
    await expect(test.db.variant.update({ where: { id: variantId }, data: { priceMinor: -1 } })).rejects.toThrow(
      /Variant_priceMinor_check/,
    );
  });
});

describe('command line', () => {
  it('says in one line that a bad DATABASE_URL cannot be reached, and exits 1', async () => {
    const closed = await listen();
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));

    const result = await runCli(['migrate'], { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/shop` });

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `Cannot connect to PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED, is it running?). Check DATABASE_URL.`,
    ]);
  });
});

describe('demo mode', () => {
  it('npm start refuses to open a demo to other machines on HOST alone, before it starts anything', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'pglite-demo-')), 'data');
    const free = await listen();
    const port = String(portOf(free));
    await new Promise((resolve) => free.close(resolve));
    try {
      const result = await runScript(
        'scripts/run.ts',
        ['start'],
        startEnv({ HOST: '0.0.0.0', EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: port }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Refusing to listen on HOST=0\.0\.0\.0 in demo mode: .*Add DEMO_PUBLIC=true/);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  });

  it('seeds no demo sign-ins on DATABASE_URL without DEMO_MODE, and seeds them with DEMO_MODE=true', async () => {
    const own = await createTestDatabase();
    try {
      const plain = await runCli(['seed'], startEnv({ DATABASE_URL: own.url }));
      expect(plain.code).toBe(0);
      expect(await own.db.product.count()).toBeGreaterThan(0);
      expect(await own.db.user.count({ where: { email: { endsWith: '@example.com' } } })).toBe(0);
      expect(await own.db.user.count({ where: { passwordHash: { not: null } } })).toBe(0);

      const demo = await runCli(['reset'], startEnv({ DATABASE_URL: own.url, DEMO_MODE: 'true' }));
      expect(demo.code).toBe(0);
      expect(await own.db.user.findUnique({ where: { email: 'admin@example.com' }, select: { role: true } })).toEqual({ role: 'ADMIN' });
    } finally {
      await own.drop();
    }
  }, 180_000);
});

describe('embedded database', () => {
  it('refuses to start when its port is taken', async () => {
    const blocker = await listen();
    const port = portOf(blocker);
    try {
      await expect(startEmbedded({ dataDir: null, port })).rejects.toThrow(
        `Port ${port} on 127.0.0.1 is already in use, so the embedded database cannot start. Stop what uses it or set EMBEDDED_DB_PORT.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('refuses a data folder locked by a running process, and ignores a lock left by a dead one', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'pglite-lock-')), 'data');
    try {
      writeFileSync(lockPath(folder), JSON.stringify({ pid: process.pid, port: 54000 }));
      await expect(startEmbedded({ dataDir: folder, port: 0 })).rejects.toThrow(
        `The embedded database in ${folder} is in use by process ${process.pid} (port 54000).`,
      );

      const dead = await new Promise<number>((resolve) => {
        const child = execFile(process.execPath, ['-e', '']);
        child.once('exit', () => resolve(child.pid ?? 0));
      });
      writeFileSync(lockPath(folder), JSON.stringify({ pid: dead, port: 54000 }));
      expect(readLock(folder)).toBeNull();
    } finally {
      rmSync(join(folder, '..'), { recursive: true, force: true });
    }
  });
});
