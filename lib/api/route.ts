import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { API_BODY_LIMIT, readJson, readText } from './body';
import { assertSameOrigin, isWrite } from './origin';
import { errorResponse, parseSearchParams, zodIssues } from './respond';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export type RouteSpec = {
  params?: Schema;
  query?: Schema;
  // A zod schema for a JSON body, or 'text' for the raw body (a webhook verifies the exact bytes it was sent).
  body?: Schema | 'text';
  // Bytes a body may have; API_BODY_LIMIT unless a route has its own (the Stripe webhook).
  bodyLimit?: number;
  // The message of a 400 for bad input.
  invalid?: string;
  // Path parameters that fail their schema name nothing: answered as this error (a 404) rather than a 400,
  // so ids cannot be probed by their shape.
  invalidParams?: () => AppError;
  // Writes from another site are refused unless a route is called by a server, not a browser (a webhook).
  crossSite?: 'refuse' | 'allow';
  // Names the route in the server log when it fails, and what a 500 tells the caller.
  label?: string;
  internal?: string;
};

export type RouteInput<S extends RouteSpec> = {
  request: Request;
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: S['body'] extends 'text' ? string : Out<S['body']>;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const badInput = (message: string, error: z.ZodError) => new AppError(400, 'bad_request', message, { issues: zodIssues(error) });

// Every route handler of the API: same-origin check on writes, then params, query and body parsed by their
// schemas (a body over its limit is a 413 before it is parsed), then the handler; whatever it throws is
// answered in the error shape (errorResponse). A handler reads "parse → call lib → answer".
export function route<const S extends RouteSpec>(spec: S, handler: (input: RouteInput<S>) => Promise<Response> | Response) {
  const invalid = spec.invalid ?? 'The request is not valid.';
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      if (spec.crossSite !== 'allow' && isWrite(request.method)) assertSameOrigin(request);
      let params: unknown;
      if (spec.params) {
        const parsed = spec.params.safeParse(await context?.params);
        if (!parsed.success) throw spec.invalidParams?.() ?? badInput(invalid, parsed.error);
        params = parsed.data;
      }
      const query = spec.query ? parseSearchParams(spec.query, request.url) : undefined;
      if (query && !query.success) throw badInput(invalid, query.error);
      let body: unknown;
      if (spec.body === 'text') body = await readText(request, spec.bodyLimit ?? API_BODY_LIMIT);
      else if (spec.body) {
        const parsed = spec.body.safeParse(await readJson(request, spec.bodyLimit ?? API_BODY_LIMIT));
        if (!parsed.success) throw badInput(invalid, parsed.error);
        body = parsed.data;
      }
      return await handler({ request, params, query: query?.data, body } as RouteInput<S>);
    } catch (error) {
      // Next's own signals (a redirect, notFound, a prerender bailing out) are not errors to answer.
      unstable_rethrow(error);
      return errorResponse(error, spec.label, spec.internal);
    }
  };
}
