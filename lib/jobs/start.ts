import 'server-only';
import { env } from '@/lib/env';
import { startBoss } from './boss';
import { startWorker } from './worker';

// The server starts the queue with itself: with its workers unless MESSAGE_WORKER=off (separate `npm run worker`
// processes then do the sending), and always as a producer, so a request can enqueue inside its own transaction.
export function startJobs(): void {
  const started = env.MESSAGE_WORKER === 'on' ? startWorker() : startBoss();
  started.then(
    () => console.log(`[jobs] queue started${env.MESSAGE_WORKER === 'on' ? ' with its workers in this process' : ' (workers run apart)'}`),
    (error: unknown) => console.error('[jobs] the job queue did not start; messages wait in the database until it does', error),
  );
}
