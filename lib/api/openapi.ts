import { z } from 'zod';
import { API_BODY_LIMIT } from './body';

// Each capability describes its routes with the same zod schemas the handlers validate with;
// app/api/v1/openapi.json merges them.
export type Operation = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

export function buildOpenApi(operations: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'query',
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(s as z.ZodType),
      })),
      ...Object.entries(op.headers?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'header',
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(s as z.ZodType),
      })),
    ];
    // What the route wrapper (lib/api/route.ts) answers for every route: a write from another site, a body too big.
    const common: Operation['responses'] = {};
    if (op.method !== 'get') common[403] = { description: 'Cross-site request refused' };
    if (op.body) common[413] = { description: `Body over ${API_BODY_LIMIT / 1024} KiB, refused before it is read` };
    const responses = Object.fromEntries(
      Object.entries({ ...common, ...op.responses }).map(([status, r]) => [
        status,
        {
          description: r.description,
          content: { 'application/json': { schema: jsonSchema(r.schema ?? (Number(status) >= 400 ? errorSchema : z.unknown())) } },
        },
      ]),
    );
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      parameters,
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Northwind Supply storefront API', version: '1' },
    servers: [{ url: '/' }],
    paths,
  };
}
