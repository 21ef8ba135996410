import 'server-only';
import { subscribeEvent } from './index';

const HEARTBEAT_MS = 20_000;
const encoder = new TextEncoder();

// A server-sent-events response that relays one channel until the client goes away. Heartbeat
// comments keep proxies from closing an idle stream; abort and cancel both release the subscription.
export function eventStreamResponse(channel: string, signal: AbortSignal, eventName: string): Response {
  let release: (() => void) | null = null;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        release?.();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      signal.addEventListener('abort', close, { once: true });
      send('retry: 2000\n: connected\n\n');
      const unsubscribe = await subscribeEvent(channel, (payload) => send(`event: ${eventName}\ndata: ${JSON.stringify(payload)}\n\n`));
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
      release = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      if (closed || signal.aborted) {
        closed = false;
        close();
      }
    },
    cancel() {
      closed = true;
      release?.();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
