// The browser's side of our JSON API: one request, and either its data or a failure read from the error shape
// ({ error: { code, message, issues?, ...details } }). Imported by client components, so nothing server-only here.
type ApiIssue = { path: string; message: string };
export type ApiFailure = {
  ok: false;
  // 0 when the shop could not be reached (or the request was aborted: code 'aborted').
  status: number;
  code: string;
  message: string;
  issues: ApiIssue[];
  // The rest of the error object, e.g. out of stock's locationId and lines.
  details: Record<string, unknown>;
};
type ApiSuccess<T> = { ok: true; status: number; data: T; headers: Headers };
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

export const OFFLINE_MESSAGE = 'We could not reach the shop. Check your connection and try again.';
const FALLBACK_MESSAGE = 'Something went wrong on our side. Please try again.';

type Options = { headers?: Record<string, string>; signal?: AbortSignal; cache?: RequestCache; keepalive?: boolean; fallback?: string };

async function request<T>(method: string, url: string, body: unknown, options: Options): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
      cache: options.cache,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (options.signal?.aborted) return failure(0, 'aborted', 'The request was cancelled.');
    console.error(`[api] ${method} ${url} failed`, error);
    return failure(0, 'network', OFFLINE_MESSAGE);
  }
  const json = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: json as T, headers: response.headers };
  const { code, message, issues, ...details } = ((json as { error?: Record<string, unknown> } | undefined)?.error ?? {}) as Record<
    string,
    unknown
  >;
  return {
    ok: false,
    status: response.status,
    code: typeof code === 'string' ? code : 'internal',
    message: typeof message === 'string' ? message : (options.fallback ?? FALLBACK_MESSAGE),
    issues: Array.isArray(issues) ? (issues as ApiIssue[]) : [],
    details,
  };
}

function failure(status: number, code: string, message: string): ApiFailure {
  return { ok: false, status, code, message, issues: [], details: {} };
}

export function apiGet<T>(url: string, options: Options = {}): Promise<ApiResult<T>> {
  return request<T>('GET', url, undefined, options);
}

export function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  options: Options = {},
): Promise<ApiResult<T>> {
  return request<T>(method, url, body, options);
}
