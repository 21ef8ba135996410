import 'server-only';
import { AppError } from '@/lib/errors';

// The API's JSON bodies are small (a bag line, a checkout form); anything larger is refused before it is parsed.
export const API_BODY_LIMIT = 64 * 1024;

const payloadTooLarge = (limit: number) =>
  new AppError(413, 'payload_too_large', `The request body must be at most ${Math.floor(limit / 1024)} KiB.`);

// Reads a body as text, refusing one longer than `limit` bytes: by its Content-Length when it gives one, and by
// counting while reading (a chunked body has none), so no more than `limit` bytes are ever held.
export async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw payloadTooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// A JSON body, or undefined for an empty one (the schema then says what was missing).
export async function readJson(request: Request, limit: number = API_BODY_LIMIT): Promise<unknown> {
  const text = await readText(request, limit);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(400, 'bad_request', 'The request body must be valid JSON.');
  }
}
