// `npm run worker`: the message workers on their own, for scale (run the server with MESSAGE_WORKER=off, or not: any
// number of workers may share the queue). Needs DATABASE_URL, or an embedded database started by `npm start`.
import { startWorker, stopWorker } from '../lib/jobs/worker';

async function main() {
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
