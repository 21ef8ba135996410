import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { ToolError } from './errors';

// The offline stand-in for Prisma's native schema engine (see shared DESIGN.md, "Embedded database and migrations").
type SchemaEngine = bindings.SchemaEngine;
let wasmLoaded = false;

// The Rust side reports a panic here before it throws; the message is otherwise lost.
const panics = {
  message: '',
  set_message(message: string) {
    this.message = message;
  },
};

export function lastEnginePanic(): string {
  return panics.message;
}

function loadWasm(): void {
  if (wasmLoaded) return;
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY = panics;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm'));
  const wasmModule = new WebAssembly.Module(readFileSync(join(dir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(wasmModule, {
    './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  wasmLoaded = true;
}

const charOid = 18;
const textOid = 25;
const notNullConstraint = 'n';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type RawResult = Awaited<ReturnType<PgAdapter['queryRaw']>>;

// Three gaps between adapter-pg 7.10 and the schema engine, closed here rather than waiting for upstream:
// - executeScript splits a script on every ';' (even inside comments, strings and function bodies) and runs
//   the pieces without a transaction. Send it whole, as the native engine does: one simple query, one
//   implicit transaction.
// - columns of PostgreSQL's one-byte "char" type (pg_constraint.contype, which the schema describer reads)
//   are refused; the engine expects them as characters.
// - PostgreSQL 18 (PGlite 0.5) lists NOT NULL as constraints of type 'n', which the describer does not know
//   (it panics). The columns already say they are NOT NULL, so those rows are dropped.
function patchAdapter(adapter: PgAdapter): PgAdapter {
  const internals = adapter as unknown as {
    client: pg.Pool | pg.PoolClient;
    onError(error: unknown): never;
    performIO(query: unknown): Promise<pg.QueryResult>;
  };
  const charColumns = new WeakMap<unknown[], number[]>();
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const chars: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== charOid) return;
      field.dataTypeID = textOid;
      chars.push(index);
      if (field.name === 'constraint_type') result.rows = result.rows.filter((row) => row[index] !== notNullConstraint);
    });
    if (chars.length > 0) charColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query): Promise<RawResult> => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  adapter.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

function patchedFactory(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patchAdapter(await connect());
  factory.connectToShadowDb = async () => patchAdapter(await connectToShadowDb());
  return factory;
}

export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(url: string, schema: { path: string; content: string }): Promise<OpenEngine> {
  loadWasm();
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => {});
  const factory = patchedFactory(new PrismaPg(pool));
  const log = (line: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`${line}\n`);
  };
  const engine = (await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      await pool.end();
    },
  };
}

// Engine errors arrive as JSON or as long texts; keep what a person needs to read.
export function engineError(error: unknown, doing: string): ToolError {
  const raw = panics.message ? `the schema engine crashed: ${panics.message}` : error instanceof Error ? error.message : String(error);
  panics.message = '';
  let message = raw;
  try {
    const parsed = JSON.parse(raw) as { message?: string; error?: string };
    message = parsed.message ?? parsed.error ?? raw;
  } catch {
    // not JSON: keep the text as is
  }
  return new ToolError(`${doing} failed: ${message.trim()}`);
}
