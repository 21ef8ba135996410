import { NextResponse } from 'next/server';
import type { z } from 'zod';

// The JSON API's error shape (DESIGN.md): { error: { code, message, issues? } }.
export type ApiIssue = { path: string; message: string };
export type ApiErrorBody = { error: { code: string; message: string; issues?: ApiIssue[] } };

// Every JSON answer of the API. One that fits in a connection's first round trip (TCP's initial window is about
// 14 KB) is sent as it is, marked `no-transform` so that the server's compression passes it by: compressing it saves the shopper
// no round trip, and cost about a sixth of a recommendation request's serving time (npm run bench -- recs).
export const SEND_AS_IS_BELOW_BYTES = 8 * 1024;

export function apiJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  if (Buffer.byteLength(text) < SEND_AS_IS_BELOW_BYTES) {
    headers.set('Cache-Control', [headers.get('Cache-Control'), 'no-transform'].filter(Boolean).join(', '));
  }
  return new NextResponse(text, { status: init.status ?? 200, headers });
}

export function apiError(status: number, code: string, message: string, issues?: ApiIssue[]) {
  const body: ApiErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return apiJson(body, { status });
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function badRequest(error: z.ZodError, message = 'The request is not valid.') {
  return apiError(400, 'bad_request', message, zodIssues(error));
}

// Parses a URL's query string: repeated keys become arrays, single keys strings.
export function parseSearchParams<S extends z.ZodType>(schema: S, url: string | URL) {
  const params = new URL(url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return schema.safeParse(raw) as z.ZodSafeParseResult<z.output<S>>;
}

// Reads a JSON body; a malformed body is reported like any other bad input.
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await request.json() };
  } catch {
    return { ok: false };
  }
}

export function malformedBody() {
  return apiError(400, 'bad_request', 'The request body must be valid JSON.');
}
