import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';

// The JSON API's error shape (DESIGN.md): { error: { code, message, issues? } }; some errors add details
// (out of stock names its location and short lines).
export type ApiIssue = { path: string; message: string };
type ApiErrorBody = { error: { code: string; message: string; issues?: ApiIssue[]; [detail: string]: unknown } };

export function apiJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  return new NextResponse(JSON.stringify(body), { status: init.status ?? 200, headers });
}

export function apiError(status: number, code: string, message: string, details?: { issues?: ApiIssue[]; [detail: string]: unknown }) {
  const body: ApiErrorBody = { error: { ...details, code, message } };
  return apiJson(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

// The one mapping from a thrown error to an answer: a refusal (AppError) keeps its status, code, message and
// details; anything else is a bug, logged with its route and answered 500 without its text.
export function errorResponse(error: unknown, label = 'api', message = 'Something went wrong on our side. Please try again.') {
  if (error instanceof AppError) return apiError(error.status, error.code, error.message, error.details);
  console.error(`[${label}] request failed`, error);
  return apiError(500, 'internal', message);
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
