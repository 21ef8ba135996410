// The production server behind `npm start`, which bundles and starts it once the database is ready and the app is
// built (run.ts): Next's own request handler, with compression in front of it done here rather than by Next, so that
// a page from Next's cache is compressed once per version instead of on every request (lib/http/page-compression.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import compression from 'compression';
import next from 'next';
import { createPageCompression } from '../../lib/http/page-compression';

// Read by next.config.js (`compress`): the responses are compressed here.
process.env.NEXT_COMPRESS = 'off';

const started = Date.now();
const port = Number(process.env.PORT ?? 3000);
// run.ts starts this in the project's folder (this file runs bundled from the build folder).
const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
// Typed for Express, written for plain Node requests and responses.
const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const pages = createPageCompression();

await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => {
  compress(req, res, () => {
    pages.install(req, res);
    // Next answers its own errors (error pages, 500s); this is for one that escapes it.
    handle(req, res).catch((error: unknown) => {
      console.error('[server] request failed', req.method, req.url, error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Something went wrong.');
    });
  });
});

server.once('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use: stop what is using it, or set PORT to another.` : `The server could not start: ${error.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(` ✓ Ready in ${Date.now() - started}ms on port ${port}`));

// run.ts sends the signal on; requests in flight finish (up to 5 s) before the process exits and the database stops.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
