// `npm run worker` runs lib code under tsx, outside Next. Lib modules start with `import 'server-only'`, which throws
// unless the `react-server` condition is set; that condition would also make `react-dom/server` (React Email's
// renderer) throw. So this resolves 'server-only' to its empty module, as vitest.config.ts does, and nothing else.
import { isMainThread } from 'node:worker_threads';
import { register } from 'node:module';

const empty = new URL('../node_modules/server-only/empty.js', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  return specifier === 'server-only' ? { url: empty, shortCircuit: true } : nextResolve(specifier, context);
}

// Loaded twice: by `--import` on the main thread (which registers it) and as the hooks module on the loader thread.
if (isMainThread) register(import.meta.url);
