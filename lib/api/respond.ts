import { NextResponse } from 'next/server';
import type { z } from 'zod';

// The JSON API's error shape (DESIGN.md): { error: { code, message, issues? } }.
export type ApiIssue = { path: string; message: string };
export type ApiErrorBody = { error: { code: string; message: string; issues?: ApiIssue[] } };

export function apiError(status: number, code: string, message: string, issues?: ApiIssue[]) {
  const body: ApiErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return NextResponse.json(body, { status });
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
