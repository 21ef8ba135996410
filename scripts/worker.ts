// `npm run worker`: the message workers on their own, for scale (run the server with MESSAGE_WORKER=off, or not: any
// number of workers may share the queue). Needs DATABASE_URL, or an embedded database started by `npm start`.
import { env } from '../lib/env';
import { startWorker, stopWorker } from '../lib/jobs/worker';

async function main() {
  // The embedded database serves one connection's worth of statements at a time (lib/db/index.ts): its worker runs
  // inside the server (MESSAGE_WORKER=on, the default).
  if (env.embedded) throw new Error('npm run worker needs DATABASE_URL; with the embedded database the server runs the worker itself.');
  await startWorker();
  console.log('Message worker started; Ctrl+C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.log('Stopping the worker (jobs in hand finish first)…');
      void stopWorker().then(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
